"""The explorer panel as Python sees it: each control changes what is shown, and a saved notebook still shows it."""

import re

import pytest

import arabtext as at
from arabtext.analysis.concordance import kwic
from arabtext.explorer import ConcordanceIndex, explore

pytest.importorskip("ipywidgets")


@pytest.fixture(scope="module")
def news_index():
    return ConcordanceIndex(at.load_corpus("news"))


def node_cells(markup):
    return re.findall(r'class="kwic-node"[^>]*><b>(.*?)</b>', markup)


def test_typing_a_query_shows_its_lines(news_index):
    panel = explore(news_index)
    assert "2,000 documents" in panel.summary.value and panel.table.value == ""
    panel.query.value = "القوات"
    expected = kwic(at.load_corpus("news"), "القوات")
    assert len(panel.hits) == len(expected)
    assert node_cells(panel.table.value) == expected.node.head(50).tolist()
    assert f"{len(expected):,} hits" in panel.summary.value and "lines 1–50" in panel.summary.value
    assert 'dir="rtl"' in panel.table.value


def test_sort_width_and_pages(news_index):
    panel = explore(news_index, "القوات", page_size=20)
    panel.sort1.value, panel.sort2.value = "R1", "L1"
    expected = kwic(at.load_corpus("news"), "القوات", width=5, sort="R1,L1")
    assert panel.lines().equals(expected.head(20))
    panel.page.value = 3
    assert panel.lines().reset_index(drop=True).equals(expected.iloc[40:60].reset_index(drop=True))
    assert "lines 41–60" in panel.summary.value
    panel.width.value = 1
    assert panel.lines().left.str.split().str.len().max() == 1
    assert panel.page.max == -(-len(expected) // 20)


def test_modes(news_index):
    panel = explore(news_index).search("^مفاوض", mode="regex")
    assert len(panel.hits) == len(kwic(at.load_corpus("news"), "^مفاوض", regex=True)) > 0
    assert panel.collocate_table() is None  # collocates are for one word, not a pattern
    panel.search("(", mode="regex")
    assert "not a regular expression" in panel.summary.value and panel.table.value == ""
    panel.search("غائبتماماً")
    assert "no occurrence" in panel.summary.value


def test_collocates_list_and_following_one(news_index):
    panel = explore(news_index, "القوات")
    table = panel.collocate_table()
    assert table is not None and table.logdice.is_monotonic_decreasing
    first = panel.collocates.options[0][1]
    assert first == table.collocate.iloc[0] and first in panel.collocates.options[0][0]
    panel.measure.value = "llr"
    assert panel.collocates.options[0][1] == panel.collocate_table().collocate.iloc[0]
    panel.collocates.value = first
    assert panel.query.value == first and len(panel.hits) == len(kwic(at.load_corpus("news"), first))


def test_the_collocate_window_can_be_changed(news_index):
    panel = explore(news_index, "القوات", window=5)
    wide = panel.collocate_table()
    panel.window.value = 1
    assert panel.collocate_table().equals(news_index.collocates("القوات", 1, "logdice", min_count=2))
    assert len(panel.collocate_table()) < len(wide)  # fewer words stand right next to the node than within five
    assert panel.collocates.options[0][1] == panel.collocate_table().collocate.iloc[0]


def test_metadata_fields_as_columns(news_index):
    panel = explore(news_index, "القوات", fields=["category"])
    assert 'class="kwic-field"' in panel.table.value


def test_a_saved_notebook_shows_a_table_where_no_widget_can_be_drawn(news_index):
    panel = explore(news_index, "الولايات المتحدة")
    bundle = panel._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "snapshot" in data["text/html"] and 'dir="rtl"' in data["text/html"]
    assert node_cells(data["text/html"])[0].endswith("الولايات المتحدة")  # بالولايات: found through the clitic
    assert data["text/plain"].startswith("Explorer: ")


def test_bad_page_size():
    with pytest.raises(ValueError, match="page_size"):
        explore(["قال الوزير"], page_size=0)
    with pytest.raises(ValueError, match="window"):
        explore(["قال الوزير"], window=0)
