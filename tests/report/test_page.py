"""The HTML report: what it shows, that it is self-contained, that corpus text stays text — and a real browser's view of it."""

from __future__ import annotations

import base64
import html
import io
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from arabtext import load_corpus
from arabtext.analysis.frequency import freq_table
from arabtext.report.page import CSP, report_html, write_report
from arabtext.sentiment.analyzer import SentimentAnalyzer

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
DATA_PNG = "data:image/png;base64,"
# the tags the report is made of; anything else would have come from the corpus
REPORT_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "nav", "a", "section", "div", "span", "ul", "li",
    "code", "b", "strong", "table", "thead", "tbody", "tr", "th", "td", "img", "br",
}  # fmt: skip


class Page(HTMLParser):
    """Every tag with its attributes, and the text a reader sees."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory) -> Path:
    """Two documents that carry markup in their text, their title and their id."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.txt").write_text(
        f"رحب العراق بالاتفاق الجديد {SCRIPT} وقال إنه نجاح رائع وممتاز.\n"
        f"وأكد العراق أن المفاوضات فشلت {IMG} وأن التصعيد خطير ومدمر.\n"
        "وقال الوزير إن العراق يريد الاستقرار والسلام.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("أطلقت الفصائل صواريخ على القوات الأمريكية في العراق. وقال الوزير إن الهجوم فشل.", encoding="utf-8")
    (folder / "metadata.csv").write_text(
        'id,file,title\nfirst,a.txt,"عنوان <script>alert(1)</script>"\n"""><img src=x onerror=alert(1)>",b.txt,خبر\n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def hostile_report(hostile_corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    with pytest.warns(UserWarning, match="looks like HTML"):
        write_report(path, hostile_corpus, min_count=1, sentences=3)
    return path


@pytest.fixture(scope="module")
def bundled_page() -> str:
    return report_html(top=15)


# --- escaping ---------------------------------------------------------------------------------


def test_corpus_markup_never_becomes_markup(hostile_report):
    source = hostile_report.read_text(encoding="utf-8")
    page = Page(source)
    assert {tag for tag, _ in page.tags} <= REPORT_TAGS
    assert "<script" not in source.lower()
    assert not [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert all(attrs["src"].startswith(DATA_PNG) for tag, attrs in page.tags if tag == "img")
    # the markup is still there for the reader, as text: in the title, the KWIC lines, the sentences and the ids
    text = "".join(page.text)
    assert text.count(SCRIPT) >= 3 and text.count(IMG) >= 2
    assert html.escape(SCRIPT) in source and html.escape(IMG) in source


def test_the_title_is_escaped_in_head_and_body(hostile_corpus):
    with pytest.warns(UserWarning, match="looks like HTML"):
        source = report_html(load_corpus(hostile_corpus)[:1], title=f"تقرير {IMG}")
    assert f"<title>arabtext report: تقرير {html.escape(IMG)}</title>" in source
    assert IMG not in source


# --- self-contained -------------------------------------------------------------------------------


def test_nothing_is_fetched_and_no_script_may_run(bundled_page):
    page = Page(bundled_page)
    (meta, attrs), *_ = [(t, a) for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert attrs == {"http-equiv": "Content-Security-Policy", "content": CSP}
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    first_in_head = [t for t, _ in page.tags][2:4]
    assert first_in_head == ["meta", "meta"]  # charset, then the policy, before any style
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "script", "base", "form")
        if "src" in attrs:
            assert attrs["src"].startswith(DATA_PNG)
        if "href" in attrs:
            assert attrs["href"].startswith("#")
    assert "url(" not in bundled_page and "@import" not in bundled_page


def test_every_image_is_a_png_that_decodes(bundled_page):
    from PIL import Image

    sources = [a["src"] for t, a in Page(bundled_page).tags if t == "img"]
    assert len(sources) == 4  # bar chart, Zipf plot, word cloud, sentiment arc
    for src in sources:
        with Image.open(io.BytesIO(base64.b64decode(src[len(DATA_PNG) :], validate=True))) as image:
            image.load()
            assert image.format == "PNG" and image.width > 100 and image.height > 100


def test_arabic_blocks_are_right_to_left(bundled_page):
    page = Page(bundled_page)
    arabic = [attrs for _, attrs in page.tags if attrs.get("lang") == "ar"]
    assert len(arabic) > 10
    assert all(attrs.get("dir") == "rtl" for attrs in arabic)
    tables = [attrs for tag, attrs in page.tags if tag == "table" and attrs.get("dir") == "rtl"]
    assert len(tables) >= 6  # top words, two collocation tables, three concordances


# --- what it shows ---------------------------------------------------------------------------------


def test_it_shows_the_library_results_for_the_bundled_corpus(bundled_page):
    corpus = load_corpus()
    top = freq_table(corpus).head(15)
    text = "".join(Page(bundled_page).text)
    for section in ("summary", "health", "words", "zipf", "cloud", "collocations", "kwic", "sentiment"):
        assert f'<section id="{section}">' in bundled_page
    assert all(token in text for token in top["token"])
    for word in top["token"].head(3):  # a concordance for each of the three most frequent content words
        assert f'<h3><span lang="ar" dir="rtl">{word}</span>' in bundled_page
    assert "By llr" in text and "By logdice" in text
    n_sentences = sum(len(SentimentAnalyzer().score(doc.text).sentences) for doc in corpus)
    assert re.search(rf"<td dir=\"auto\">sentences</td><td dir=\"auto\">{n_sentences}</td>", bundled_page)
    assert corpus[0].meta["title"] in text


def test_most_positive_and_negative_sentences_are_the_extremes():
    texts = ["الخطة نجحت نجاحا رائعا. الطقس معتدل. الهجوم مدمر وخطير وفاشل.", "الاتفاق جيد."]
    source = report_html(texts, sentences=1)
    sa = SentimentAnalyzer()
    scored = [row for t in texts for row in sa.score(t).sentences[["text", "score"]].values.tolist()]
    best, worst = max(scored, key=lambda r: r[1]), min(scored, key=lambda r: r[1])
    positive, negative = source.split("Most positive sentences")[1].split("Most negative sentences")
    assert f"score {best[1]:+.2f}" in positive and f"score {worst[1]:+.2f}" in negative
    assert best[0].split()[0] in positive and worst[0].split()[0] in negative


def test_a_failed_report_leaves_the_old_file_alone(tmp_path):
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(ValueError, match="measure"):
        write_report(path, ["نص قصير"], measures=("llr", "nope"))
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path / "missing" / "report.html")
    assert path.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_corpus_without_words_is_an_error():
    with pytest.raises(ValueError, match="no words"):
        report_html(["١٢٣ ... !!"])


# --- a real browser --------------------------------------------------------------------------------


_TRAMPOLINE = (
    "import os, sys\n"
    "a, b = os.dup(int(sys.argv[1])), os.dup(int(sys.argv[2]))\n"
    "for fd, target in ((a, 3), (b, 4)):\n"
    "    os.dup2(fd, target)\n"
    "    os.set_inheritable(target, True)  # dup2 onto itself would keep the close-on-exec flag\n"
    "os.execv(sys.argv[3], sys.argv[3:])\n"
)


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (no network port, no extra package)."""

    FLAGS = (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--remote-debugging-pipe",
    )  # fmt: skip

    def __init__(self, profile: Path) -> None:
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4: a tiny Python trampoline puts
        # the pipe ends there (copied to fresh fds first, so that neither overwrites the other).
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _TRAMPOLINE, str(to_browser), str(from_browser), CHROMIUM, *self.FLAGS, f"--user-data-dir={profile}"],
            pass_fds=(to_browser, from_browser), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._id = b"", 0
        self.events: list[dict] = []

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._send("Browser.close")
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        finally:
            os.close(self._out)
            os.close(self._in)

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}, **({"sessionId": session} if session else {})}
        os.write(self._out, json.dumps(message).encode() + b"\0")
        return self._id

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if not select.select([self._in], [], [], max(deadline - time.monotonic(), 0))[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        event = json.loads(message)
        if event.get("method") == "Page.javascriptDialogOpening":
            # an alert() would block the page: note it, close it, go on
            self._send("Page.handleJavaScriptDialog", {"accept": True}, event.get("sessionId"))
        return event

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        wanted, deadline = self._send(method, params, session), time.monotonic() + timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def open(self, url: str, timeout: float = 60) -> BrowserPage:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(domain, session=session)
        self.call("Emulation.setDeviceMetricsOverride", {"width": 1200, "height": 3000, "deviceScaleFactor": 1, "mobile": False}, session)
        start = len(self.events)
        self.call("Page.navigate", {"url": url}, session)
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events[start:]):
            self.events.append(self._receive(deadline))
        return BrowserPage(self, session, start)


class BrowserPage:
    def __init__(self, browser: Chromium, session: str, first_event: int) -> None:
        self.browser, self.session, self.first_event = browser, session, first_event

    def _events(self, method: str) -> list[dict]:
        return [e["params"] for e in self.browser.events[self.first_event :] if e.get("method") == method and e.get("sessionId") == self.session]

    @property
    def dialogs(self) -> list[str]:
        return [p["message"] for p in self._events("Page.javascriptDialogOpening")]

    @property
    def console(self) -> list[str]:
        """Messages the page logged: a blocked script or handler shows up here as a CSP violation."""
        return [p["entry"]["text"] for p in self._events("Log.entryAdded")] + [
            str(p.get("args")) for p in self._events("Runtime.consoleAPICalled")
        ]

    def evaluate(self, expression: str):
        # DevTools evaluation is not the page's own script: the page's CSP does not apply to it
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        return result["result"].get("value")

    def screenshot(self) -> bytes:
        return base64.b64decode(self.browser.call("Page.captureScreenshot", {"format": "png"}, self.session)["data"])


# What the browser made of the page: scripts and handlers present, images decoded, and the
# direction of every text whose first strong letter is Arabic.
FACTS_JS = r"""JSON.stringify((() => {
  const firstStrong = /[A-Za-z\u00C0-\u024F\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const arabic = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let arabicTexts = 0; const notRtl = [];
  while (walker.nextNode()) {
    const node = walker.currentNode, m = node.data.match(firstStrong);
    if (!m || !arabic.test(m[0])) continue;
    arabicTexts++;
    if (getComputedStyle(node.parentElement).direction !== "rtl") notRtl.push(node.data.trim().slice(0, 40));
  }
  const handlers = [];
  for (const el of document.querySelectorAll("*"))
    for (const a of el.attributes) if (a.name.startsWith("on")) handlers.push(el.tagName + " " + a.name);
  return {
    scripts: document.scripts.length, handlers, arabicTexts, notRtl, text: document.body.innerText,
    images: [...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight, i.src.slice(0, 22)]),
  };
})())"""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
def test_headless_chromium_shows_rtl_arabic_decoded_images_and_runs_nothing(hostile_report, tmp_path):
    from PIL import Image

    no_policy = tmp_path / "no-csp.html"
    source = hostile_report.read_text(encoding="utf-8")
    no_policy.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", source, count=1), encoding="utf-8")
    assert "Content-Security-Policy" not in no_policy.read_text(encoding="utf-8")

    with Chromium(tmp_path / "profile") as browser:
        page = browser.open(hostile_report.as_uri())
        facts = json.loads(page.evaluate(FACTS_JS))
        shot = page.screenshot()
        (tmp_path / "report.png").write_bytes(shot)
        # Without the policy, escaping alone must keep the corpus's script and handler inert.
        bare = browser.open(no_policy.as_uri())
        bare_facts = json.loads(bare.evaluate(FACTS_JS))

    assert facts["scripts"] == 0 and facts["handlers"] == []
    assert page.dialogs == [] and page.console == []  # no script ran, and none was even blocked
    assert len(facts["images"]) == 4
    assert all(complete and width > 0 and height > 0 and src == DATA_PNG for complete, width, height, src in facts["images"])
    assert facts["arabicTexts"] > 50 and facts["notRtl"] == []
    assert facts["text"].count(SCRIPT) >= 3 and facts["text"].count(IMG) >= 2  # shown as text
    assert bare_facts["scripts"] == 0 and bare_facts["handlers"] == [] and bare.dialogs == []

    with Image.open(io.BytesIO(shot)) as image:
        assert image.size == (1200, 3000)
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
        assert dark > 0.01 * image.width * image.height  # text and pictures drawn, not a blank page


def test_default_title_names_one_document_or_the_corpus(hostile_corpus):
    with pytest.warns(UserWarning, match="looks like HTML"):
        many = report_html(hostile_corpus, top=3)
    assert f'<p dir="auto" class="title">{hostile_corpus.name}: 2 documents</p>' in many
    one = report_html(["نجح الفريق في المباراة"], source="مثال", top=3)
    assert '<p dir="auto" class="title">doc0001</p>' in one
    two = report_html(["نجح الفريق", "فشل الفريق"], source="مثال", top=3)
    assert '<p dir="auto" class="title">مثال: 2 documents</p>' in two
