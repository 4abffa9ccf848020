"""Light clitic segmentation: proclitics and a pronoun suffix split off Arabic words.

An Arabic written word often carries small words glued to it: وبالقوات is
و "and" + ب "with" + ال "the" + قوات "forces". ``segment`` splits those clitics
off; ``light_stem`` keeps what is left. It is a light stemmer, not a root
extractor: plural and feminine endings (قوات، حكومة) stay on the stem.

>>> segment("وبالقوات")
['و', 'ب', 'ال', 'قوات']
>>> segment("حكومتها")
['حكومت', 'ها']
>>> light_stem("وبالقوات")
'قوات'

What is split, in this order:

* a conjunction و or ف;
* then a preposition ب ك ل, or the future particle س (before an imperfect verb);
* then the article ال;
* at the end, one pronoun suffix: ه ها هم هما هن ك كم كما كن ي ني نا.

Segments are slices of the input, so ``"".join(segment(w)) == w`` always
holds, tashkeel included (each mark stays with its letter). One case needs a
choice: ل + ال is written لل (the alef is dropped), so للقوات is segmented as
``['ل', 'ل', 'قوات']``, the second ل being the article. Pass
``restore_alef=True`` to get the article back as ``ال`` (then the segments no
longer join back to the word).

Guards against over-stripping (وصل، بلد، ليس، كتب، الله stay whole):

* the stem left must be long enough: three letters after a clitic, two after
  the article (البيت);
* patterns: the article never comes with a pronoun suffix; a stem does not
  start with ال unless ال was the article; a proclitic before ا + two letters
  is a root letter (واحد، لاعب، كاتب); س only before an imperfect verb
  (سيكون، ستعلن); ك "as" only before the article or a participle (كالعادة،
  كممثل); ي and ني are split only from prepositions and particles (لي، مني،
  إنني), never from nouns, where a final ي is far more often part of the word
  (عراقي، يعني); ك كم كما كن only after ت (حكومتك) or from a known word;
* a lexicon of words that begin or end with clitic-like letters but are whole
  (وزير، فريق، بيان، لجنة، كتاب، سياسة، اتجاه, place and person names ...)
  and of short function words that may follow a clitic or carry a suffix
  (وهو، وفي، بما، فيه، منها). When the word, or what is left after some
  clitics, is in the lexicon (also with an inflectional ending: وزارات، لاعبين),
  the analysis that strips least while landing on a lexicon word wins;
  otherwise the analysis that strips most among those the rules allow.

On the WikiNews gold standard mapped to clitic level, 98.3 % of words are
segmented exactly like the gold (``scripts/eval_segment.py``); most errors are
foreign names that begin with ب ف و س (بيشوب، فايبر، ويكيميديا).

The input is one word in logical order, with or without tashkeel, normalized
or not: the lexicon is matched with ى as ي and hamza seats inside the word as
bare alef, and the article must be written with a bare alef (إلى is never
ال + ...). Normalized text loses a little (وأكد → واكد looks like واحد).
Text where ة was normalized to ه is not supported: its ه looks like a pronoun.
A string that is not one Arabic word (digits, Latin letters, spaces) is
returned whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from arabtext.text import chars
from arabtext.text.tokenizer import iter_tokens

__all__ = ["segment", "light_stem", "segment_text"]

ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")
#: prepositions and the future particle; at most one per word, after a conjunction
PARTICLES = ("ب", "ك", "ل", "س")
#: pronoun suffixes, longest first (at most one per word)
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي")

# --- lexicon ----------------------------------------------------------------------
# Whole words that begin (or end) with letters that look like clitics, spelled in
# full (hamza, ة), one line group per letter ("و:" = words beginning with و,
# "ه:" = ending with ه or هم). A stem is also looked up without a common
# inflectional ending (وزارات → وزارة, لاعبين → لاعب), so one base form covers its
# plural, feminine and accusative forms. Written from general MSA knowledge; no
# list was copied from an evaluation set.
_LEXICON_TEXT = """
و: وزير وزيرة وزراء وزارة وزاري وطن وطني وقت وقف وقفة وضع وضعية وجه وجهة وجوه واجهة
   وجود وجد وحدة واحد وحيد وفد وفود وفاة وفيات وكالة وكيل ولاية ولي والي والد والدة ولد
   ولادة وحد وسط وسطى وسائل وسيلة وثيقة وثائق وراء ورقة أوراق ورق وعد وعود وقع وقوع واقع
   واقعي واقعة وقائع وصف وصل وصول وظيفة وظائف وعي وفق وقود وزن وادي واسع واضح ورد وارد
   ورشة وباء ودي وافق واجه واصل وجب واجب وسيط وساطة ورث وريث وصية وصاية وقاية ولاء
   وليمة وتيرة وثيق وجبة وحي وداع وديعة ودائع وراثة وراثي ورود وسام وفاء وفير وفرة
   وفر وزع وثق وطد وهب وزن وعر وحش ويل وسع واشنطن ويلز وارسو وهران ووهان وليد وائل
   وسام ويب ويكيبيديا ولاية وسخ وصفة وعاء وضوء وضوح وطيد وكر ونيس
ف: فريق فرقة فرنسا فرنسي فلسطين فلسطيني فترة فيلم فوز فاز فائز
   فكرة فكر فكري فصل فصول فرصة فرص فعل فعال فعالية فئة فن فنون فني فنان فندق فنادق فقر
   فقير فقراء فحص فحوص فساد فاسد فرع فروع فريد فهم فتح فتاة فتيات فتى فيروس فيسبوك فيتنام
   فنزويلا فنلندا فلوريدا فيينا فلاح فرض فرد أفراد فيدرالي فور فائدة فوائد فارق فرق فراغ
   فرار فرح فشل فصيل فصائل فضاء فضائي فضيحة فطور فقرة فقدان فقه فقيه فلك فلسفة فوضى فوج
   فيضان فيل فولاذ فائض فائق فاتورة فارس فاصل فاعل فاكهة فجر فجأة فجوة فحم فخر فخم فداء
   فدية فراشة فرن فريضة فزع فصح فصحى فضة فضل فطرة فظيع فم فهد فيصل فؤاد فاطمة فراس
   فادي فلورنسا فيلق فيزياء فيديو فوتوغرافي فاشي فورمولا
ب: بلد بلدان بلاد بلدة بلدية بيان برنامج برامج بحث بحوث بنك
   بنوك بيت بيوت بدء بداية بطولة بيروت باريس برلمان برلماني بريطانيا بريطاني بغداد بكين
   بوتين بشر بشري بحر بحار بحري بحيرة بيئة بيئي بناء بنى بنية بعيد بسيط برج بطل بقاء بقي
   بورصة باب بنت بنات بدل بكر بلغ بدأ بات بث بيع بائع بالغ بارز باكستان برازيل
   بوش بلير باراك بايدن برلين بروكسل بلجيكا بولندا بلغاريا بنغلاديش بيرو بوليفيا بنما
   باحث باقي بقية بترول بترولي بدوي بديل بدائل برد بري بريء بريد برق بركة بركان براكين
   بساطة بسمة بصر بصري بصرة بضاعة بضائع بطاقة بطالة بطء بطيء بطن بطارية بعثة بقرة بقعة
   بكاء بلاغ بلاستيك بلوغ بن بنزين بند بنود بندقية بهجة بوابة بيض بيضاء بيولوجي بابا
   بحرين بوسطن بشار بسام باسل بشير بلال بغية بريق بالون بخار بخيل بذل بذور بذرة برنامج
   برتقال برق برلماني برميل بروتين بريمر بعير بقال بناية بندر بهاء بوذي بوصلة بيانو بيزنطي
   بنغازي بيلاروسيا بوروندي بنين بورما بيت بيع بوكو
ك: كان كانت كانوا كلمة كلام كبير كبيرة كبار كبرى كتب كتاب كتابة كاتب
   كثير كثيرة كثيرون كرة كأس كيفية كلية كمية كهرباء كهربائي كوريا كوبا
   كندا كينيا كولومبيا كرواتيا كرسي كراسي كشف كفاءة كفاح كلب كلفة كمال كامل كافة كاف كافية
   كاميرا كبد كتلة كتيبة كتائب كرامة كريم كسر كعب كف كفر كلي كنيسة كنائس كنز كهف كوكب
   كون كوادر كادر كارثة كوارث كازاخستان كابل كاليفورنيا كرملين كلينتون كيري كيلو كيلومتر
   كيان كيماوي كيميائي كيمياء كمبيوتر كورونا كمين كشمير كاتالونيا كاراكاس كاميرون
   كوسوفو كوفي كويت كريستيان كريستوفر كولونيا كانون كاظم كردي كرد كردستان كرم كرامة كهل
   كأن كسب كسوف كلاسيكي كمبوديا كوميدي كونغرس كتلة كسرى
ل: لبنان لبناني ليبيا ليبي
   لجنة لجان لقاء لعب لعبة لاعب لغة لغوي لون ليلة ليال ليل لحظة لقب لجوء لاجئ لوحة لائحة
   لوائح لحم لحوم لباس لهجة لندن لوس لاهاي لوكسمبورغ لاتفيا ليتوانيا لازم لاحق لافت
   لافتة لطيف لطف لوم لقمة لقاح لواء ليرة ليمون لياقة لين لبن لقطة لهو لسان لص لغز لفظ
   لقي لمس لمسة لهب لوبي لوجستي لحية لعنة ليبرالي لاتيني لؤي ليلى لينا لطيفة لجين
   لوران لويس لوكاس ليون لشبونة لاوس لايبزيغ
س: سنة سنوات سنوي سيارة سياسة سياسي سيطرة سيد سيدة سيناء سينما ستة ستين سبعة سبع سبعين
   سبت سلام سلطة سلاح سجن سجين سجناء سعر سعودية سعودي سوق سوريا سوري سؤال سبب سفر
   سفير سفارة سفينة سفن سماء سمع سياحة سياحي ساعة ساحة سائق سابق سابقة ساهم ساعد سعى
   سيل سياج سيرة سير سيف سيطر سيناريو سيجارة سيدني سيول ستوكهولم ستالين سنغافورة
   سريلانكا سويسرا سويد سودان سوداني سعيد سعد سلمان سمير سليمان سامي سيطرة سيادة سياق سيما
   ستار ستراتيجي ستديو ستوديو سيرك سيلفي سينمائي سيولة سيزار سيمفونية سيبيريا
ه: اتجاه تجاه توجه توجيه جنيه شبه نزيه مياه انتباه اشتباه رفاه ترفيه تنبيه تشابه مشابه
   كره إكراه الله اللهم لله إله منتزه وجيه سفيه تافه فواكه تفاهم ساهم مساهم متهم أهم مهم
   سهم أسهم
ال: الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي اللائي إلى إلا ألا
   التزام التزم التقاء التقى التحاق التحق التفاف التهاب التماس التباس التقط التقاط
"""
# Short function words that may stand alone after a clitic (وهو، وفي، بما، فإن)
# or carry a pronoun suffix (فيه، منها، أنه، عليهم).
_FUNCTION_WORDS = """
هو هي هم هن هما نحن أنا أنت أنتم ما لا لم لن لما قد لقد من في عن على إلى لدى مع أن إن
لكن لكي كي ليس ليست ليسوا ليسا لست لسنا ذلك ذا هذا هذه هذان هاتان هؤلاء تلك أولئك هنا
هناك الذي التي الذين إذا إذ إذن حيث كيف أين متى لماذا كل كلا كلما بعض غير دون بين
بينما بعد بعدما قبل عند حول نحو ضد مثل منذ حتى ثم أو أم بل لو لولا لعل لذا إلا أي
سوف إياه عبر خلال فوق فقط فضلا فيما كما كذا تم
"""
_LEXICON_WORDS = re.sub(r"^\s*\S+:", "", _LEXICON_TEXT, flags=re.M).split()

# Lexicon matching reads ى as ي. A stem with a hamza seat after its first letter
# comes from text that was not normalized and is matched as spelled; in other
# stems hamza seats after the first letter are read as bare alef (مسالة finds
# مسألة). A word-initial hamza never matches bare alef (آلام is not ال + ام),
# except in the short function words, so normalized text still finds ان، الى، اذا.
_FOLD_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})
_YA_TABLE = str.maketrans({"ى": "ي"})


def _fold(word: str) -> str:
    return word[:1].translate(_YA_TABLE) + word[1:].translate(_FOLD_TABLE)


_FUNCTION = frozenset(w.translate(_FOLD_TABLE) for w in _FUNCTION_WORDS.split())
_CONTENT_EXACT = frozenset(w.translate(_YA_TABLE) for w in _LEXICON_WORDS)
_CONTENT_FOLDED = frozenset(map(_fold, _LEXICON_WORDS))
_HAMZA_ALEFS = frozenset("أإآ")
# independent pronouns follow و/ف (وهو) but never a preposition: لهم is ل + the suffix هم
_PRONOUNS = frozenset(("هو", "هي", "هم", "هن", "هما", "نحن", "انا", "انت", "انتم"))
# inflectional endings tried when looking a content word up: وزارات → وزار(ة), لاعبين → لاعب
_ENDINGS = ("يين", "يون", "يات", "ية", "تين", "تان", "ات", "ين", "ون", "ان", "وا", "ة", "ي", "ا", "ت")
# short hosts of a pronoun suffix: ل and ب (لها، بهم) and the particles from which
# ي and ني are split too (مني، عليّ، إنني); on other words a final ي is almost
# always part of the word (عراقي، يعني، الثاني).
_HOSTS = frozenset(("ل", "ب", "من", "عن", "في", "مع", "علي", "الي", "لدي", "ان", "لكن"))
_KAF_SUFFIXES = ("ك", "كم", "كما", "كن")
# a proclitic + ا + two letters is a فاعل form of a root (واحد، لاعب، كاتب، باحث)
_ACTIVE_PARTICIPLE = re.compile("ا[^ا][^ا][ةا]?")
_NOT_PARTICIPLE = frozenset(("اسم", "ابن", "ابنة"))


def _known(stem: str) -> bool:
    """Whether a stem is a lexicon word, possibly with an inflectional ending."""
    if stem.translate(_FOLD_TABLE) in _FUNCTION:
        return True
    if _HAMZA_ALEFS.intersection(stem[1:]):
        # hamza is written, so the text is not normalized: match exactly, or a
        # wrong cut like لأزمات would be found as لازم + ات
        key, lexicon = stem.translate(_YA_TABLE), _CONTENT_EXACT
    else:
        key, lexicon = _fold(stem), _CONTENT_FOLDED
    if key in lexicon:
        return True
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            base = key[: -len(ending)]
            # a two-letter base only as a feminine noun (لغات → لغة): بنا is ب + نا, not بن + ا
            if base + "ة" in lexicon or (len(base) > 2 and base in lexicon):
                return True
    return False


class _Chain(NamedTuple):
    """A stack of proclitics as written, and the segments it splits into."""

    surface: str
    segments: tuple[str, ...]
    particle: str
    article: bool


def _chains() -> tuple[_Chain, ...]:
    out = [_Chain("", (), "", False)]
    for conj in ("",) + CONJUNCTIONS:
        for particle in ("",) + PARTICLES:
            for article in (False, True):
                if particle == "س" and article:
                    continue
                segments = tuple(s for s in (conj, particle) if s)
                if article:
                    # ل + ال is written لل: the article keeps only its lam
                    segments += ("ل",) if particle == "ل" else (ARTICLE,)
                if segments:
                    out.append(_Chain("".join(segments), segments, particle, article))
    return tuple(out)


_NO_CHAIN, *_STACKS = _chains()
# the stacks that can start a word, by its first letter: most words need one look-up
_STACKS_BY_LETTER = {
    letter: (_NO_CHAIN, *(c for c in _STACKS if c.surface[0] == letter)) for letter in {c.surface[0] for c in _STACKS}
}


def _allowed(chain: _Chain, stem: str, key: str, suffix: str, known: bool) -> bool:
    """Whether the rules let ``chain`` + ``stem`` + ``suffix`` be the analysis (``key``: folded stem)."""
    if chain.article and suffix:
        return False  # a definite noun takes no possessive pronoun
    if chain.particle == "س" and (key[:1] not in "يتنا" or len(key) < 3 or key.endswith(("ة", "ات"))):
        return False  # the future particle comes before an imperfect verb: سيكون، ستعلن، سنعمل
    if chain.particle and key in _PRONOUNS:
        return False
    if suffix in ("ي", "ني") and key not in _HOSTS:
        return False
    # ك-suffixes (2nd person, rare in news) collide with roots: ملك، يمكن، حكم، تراكم;
    # split them after ت (حكومتك), from a host (لكم) or from a known noun (كتابكم)
    if suffix in _KAF_SUFFIXES and not (
        key.endswith("ت") or key in _HOSTS or (known and key not in _FUNCTION and suffix != "كن")
    ):
        return False
    if known:
        return True
    if stem.startswith(ARTICLE) or len(key) < (2 if chain.article else 3):
        return False  # an unknown stem does not start with ال: that would be the article
    if not chain.segments and stem.startswith("و"):
        return False  # an initial و not in the lexicon is the conjunction
    if chain.particle == "ك" and not chain.article and not (stem.startswith("م") and len(stem) >= 4):
        # ك "as" before an indefinite word mostly comes before a participle
        # (كممثل، كمراقب); ك-initial words are many (كوريا، كيلو، كحول)
        return False
    if len(chain.segments) == 1 and not chain.article and _ACTIVE_PARTICIPLE.fullmatch(stem):
        return stem in _NOT_PARTICIPLE
    if suffix == "نا" and key.endswith(("و", "ي", "ا")):
        return False  # a long vowel + ن + tanween alif is an accusative noun: أمينا، مليونا، بيانا
    if suffix in ("هم", "هما", "هن") and key.endswith("ا"):
        return False  # تفاهم، يساهم
    return True


@lru_cache(maxsize=1 << 17)
def _analyse(skeleton: str) -> tuple[_Chain, int]:
    """Best analysis of a word of plain letters: its proclitic stack and suffix length."""
    n = len(skeleton)
    suffixes = [""] + [s for s in PRONOUN_SUFFIXES if skeleton.endswith(s)]
    best_known: tuple[tuple[int, int], _Chain, str] | None = None
    best_other: tuple[tuple[int, int], _Chain, str] | None = None
    for chain in _STACKS_BY_LETTER.get(skeleton[0], (_NO_CHAIN,)):
        if not skeleton.startswith(chain.surface):
            continue
        for suffix in suffixes:
            stem = skeleton[len(chain.surface) : n - len(suffix)]
            if not stem:
                continue
            key = stem.translate(_FOLD_TABLE)
            # a preposition is the host of a pronoun with no other stem: لها، بهم
            known = _known(stem) or (bool(suffix) and key in _HOSTS)
            if not _allowed(chain, stem, key, suffix, known):
                continue
            # A lexicon word: the lightest analysis that lands on it wins; otherwise
            # the heaviest analysis the rules allow. Ties go to proclitics, which
            # are more frequent than suffixes (بذلك is ب + ذلك, not بذل + ك).
            if known:
                rank = (len(chain.surface) + len(suffix), len(suffix))
                if best_known is None or rank < best_known[0]:
                    best_known = (rank, chain, suffix)
            else:
                rank = (len(chain.surface) + len(suffix), -len(suffix))
                if best_other is None or rank > best_other[0]:
                    best_other = (rank, chain, suffix)
    _, chain, suffix = best_known or best_other or ((0, 0), _NO_CHAIN, "")
    return chain, len(suffix)


# Letters read the same way as their standard form (Persian keyboards, alef wasla).
_LETTER_FOLD = str.maketrans({chars.ALEF_WASLA: chars.ALEF, chars.FARSI_YEH: chars.YA, chars.KEHEH: chars.KAF})
_PLAIN_WORD = re.compile(f"[{chars.LETTERS}]+")
_SKIPPED = frozenset(chars.TASHKEEL + chars.HAMZA_MARKS + chars.TATWEEL + chars.INVISIBLE)


def _skeleton(word: str) -> tuple[str, list[int] | None]:
    """The word's letters and, when marks were dropped, where each letter sits in ``word``."""
    folded = word.translate(_LETTER_FOLD)
    if _PLAIN_WORD.fullmatch(folded):
        return folded, None
    positions = [i for i, ch in enumerate(folded) if ch not in _SKIPPED]
    return "".join(folded[i] for i in positions), positions


@lru_cache(maxsize=1 << 17)
def _segments(word: str) -> tuple[tuple[str, ...], int, bool]:
    """The segments of ``word`` as slices of it, the index of the stem, and whether ل + ال was written لل."""
    skeleton, positions = _skeleton(word)
    if not skeleton or not _PLAIN_WORD.fullmatch(skeleton):
        return ((word,) if word else ()), 0, False
    chain, suffix_len = _analyse(skeleton)
    cuts, at = [], 0
    for prefix in chain.segments:
        at += len(prefix)
        cuts.append(at)
    if suffix_len:
        cuts.append(len(skeleton) - suffix_len)
    # a cut before skeleton letter i falls just before that letter in the word,
    # so each mark stays with the letter it follows
    if positions is not None:
        cuts = [positions[c] for c in cuts]
    bounds = [0, *cuts, len(word)]
    parts = tuple(word[a:b] for a, b in zip(bounds, bounds[1:]))
    return parts, len(chain.segments), chain.particle == "ل" and chain.article


def segment(word: str, *, restore_alef: bool = False) -> list[str]:
    """Split one word into proclitics, stem and pronoun suffix.

    Segments are slices of ``word`` (``"".join(segment(w)) == w``); with
    ``restore_alef=True`` the article written لل after ل comes back as ال.

    >>> segment("وبالقوات")
    ['و', 'ب', 'ال', 'قوات']
    >>> segment("للمرة")
    ['ل', 'ل', 'مرة']
    >>> segment("للمرة", restore_alef=True)
    ['ل', 'ال', 'مرة']
    >>> segment("وصل"), segment("سيكون"), segment("فيها")
    (['وصل'], ['س', 'يكون'], ['في', 'ها'])
    """
    parts, stem_at, elided_article = _segments(word)
    out = list(parts)
    if restore_alef and elided_article:
        out[stem_at - 1] = chars.ALEF + out[stem_at - 1]
    return out


def light_stem(word: str) -> str:
    """The word without its clitics: a slice of ``word``.

    Feminine, plural and dual endings stay (a light stemmer, not a root
    extractor), and ة written ت before a suffix stays ت. In a preposition with
    a pronoun and nothing else (لها، به) the preposition is the stem.

    >>> light_stem("وبالقوات"), light_stem("حكومتها"), light_stem("الله")
    ('قوات', 'حكومت', 'الله')
    """
    parts, stem_at, _ = _segments(word)
    return parts[stem_at] if parts else ""


def segment_text(text: str) -> list[list[str]]:
    """Segment every Arabic word token of ``text``; numbers, punctuation and Latin words are not segmented.

    >>> segment_text("وقال لهم: سنعود.")
    [['و', 'قال'], ['ل', 'هم'], ['س', 'نعود']]
    """
    return [segment(t.text) for t in iter_tokens(text) if t.kind == "word"]
