"""The Qt-free packages' text is marked for translation, and zh_CN translates it (issue 12, `core`).

Marking: the catalogue's groups, help and parameter descriptions, the presets' and data sources'
descriptions and the errors of spec / data / io / run are `dlstudio.i18n.Text`s whose English is
unchanged; `message(e)` gives an exception's Text back. Translation: `core.ts` is complete and
keeps every {field}; with zh_CN installed the app's `tr_text` turns them into Chinese, arguments
(nested Texts too) included, with no English word left outside a short allowlist.
"""
from __future__ import annotations

import re

import pytest

from dlstudio.data import DataError, load_dataset
from dlstudio.data.registry import available
from dlstudio.i18n import Text, message
from dlstudio.spec import Network, analyze, catalogue
from dlstudio.spec.catalogue import GROUPS, ShapeError
from dlstudio.spec.params import ParamError
from dlstudio.zoo import PRESETS

HAN = re.compile(r"[\u4e00-\u9fff]")


def catalogue_texts() -> list[str]:
    out = []
    for lt in catalogue.all_types().values():
        out += [lt.group, lt.help] + [p.help for p in lt.schema.params]
    return out


def described_texts() -> list[str]:
    """Everything descriptive the app shows from the catalogue, the presets and the data sources."""
    texts = catalogue_texts() + [p.help for p in PRESETS.values()]
    for a in available():
        texts += [a["help"], a["options"]]
    return texts


def shape_error() -> ShapeError:
    with pytest.raises(ShapeError) as info:
        catalogue.get("Dense").output_shape({"units": 4, "use_bias": True}, [(3, 8, 8)])
    return info.value


def bad_network() -> Network:
    net = Network(name="bad")
    net.add("in", "Input", {"shape": [3, 8, 8]})
    net.add("dense", "Dense", {"units": 0}, after="in")
    net.add("conv", "Conv2D", {"kernel_size": 9}, after="in")
    return net


# ---- marking (no Qt) -------------------------------------------------------------------------

def test_catalogue_presets_and_data_sources_are_marked():
    texts = described_texts()
    assert len(texts) > 80
    unmarked = [t for t in texts if not isinstance(t, Text)]
    assert not unmarked, unmarked[:5]
    # a group is still the English key the palette and the theme look up
    for lt in catalogue.all_types().values():
        assert lt.group in GROUPS and hash(lt.group) == hash(str(lt.group))


def test_shape_error_keeps_english_and_its_template():
    e = shape_error()
    text = message(e)
    assert isinstance(text, Text) and e.args[0] is text
    assert text.template.startswith("Dense takes a vector [F] or a sequence [T, F], got an image {shape}")
    assert text.kwargs == {"shape": [3, 8, 8]}
    assert str(e) == ("Dense takes a vector [F] or a sequence [T, F], got an image [3, 8, 8] — insert a "
                      "Flatten (or GlobalAvgPool2D) before it")


def test_param_error_and_problems_are_texts_with_the_old_english():
    with pytest.raises(ParamError) as info:
        catalogue.get("Dense").schema.normalize({"units": 0}, "Dense 'd'")
    e = info.value
    assert str(e) == "Dense 'd': 'units' must be ≥ 1, got 0"
    assert isinstance(e.detail, Text) and e.detail == "'units' must be ≥ 1, got 0"
    a = analyze(bad_network())
    by_node = {p.node: p for p in a.problems}
    assert by_node["dense"].message == "'units' must be ≥ 1, got 0"
    assert str(by_node["conv"]) == ("conv: Conv2D kernel 9×9 is larger than its padded 8×8 input — "
                                    "use padding='same' or a smaller kernel")
    for p in a.problems:
        assert isinstance(p.message, Text) and isinstance(p.text, Text) and p.text == str(p)


def test_data_and_run_errors_are_texts():
    with pytest.raises(DataError) as info:
        load_dataset("spirals:99")
    text = message(info.value)
    assert isinstance(text, Text)
    assert isinstance(text.kwargs["what"], Text)          # the nested fragment is marked too
    assert str(info.value) == "the number of arms in spirals:K must be between 2 and 10, not 99 (e.g. spirals:3)"
    from dlstudio.run import UserError, open_model
    with pytest.raises(UserError) as info:
        open_model("/nonexistent/model.dls")
    assert str(info.value) == "Cannot open /nonexistent/model.dls: there is no such file"
    assert isinstance(message(info.value), Text)
    assert isinstance(message(info.value).kwargs["error"], Text)


def test_message_of_plain_exceptions_is_their_str():
    assert message(ValueError("plain")) == "plain" and not isinstance(message(ValueError("plain")), Text)
    assert message(KeyError(Text("k"))) == str(KeyError("k"))


# ---- the translation source ------------------------------------------------------------------

def test_core_ts_is_complete_and_keeps_fields():
    from dlstudio.gui.i18n.build import field_mismatches, read_ts, ts_path
    entries = read_ts(ts_path("core", "zh_CN"))
    assert len(entries) > 400
    missing = [s for s, t in entries.items() if not t]
    assert len(missing) <= 0.05 * len(entries), missing[:5]
    wrong = field_mismatches("core", "zh_CN")
    assert not wrong, wrong[:3]
    # what the code marks is what lupdate extracted
    templates = {t.template for t in described_texts()} | {message(shape_error()).template}
    assert templates <= set(entries), sorted(templates - set(entries))[:5]


# ---- translated (Qt) -------------------------------------------------------------------------

ALLOW = {"valid", "same", "ceil_mode", "return_sequences", "units", "DATA", "seq", "stride",
         "SxS", "PATH", "DIR", "IMAGES", "LABELS", "KEY", "VALUE", "split", "train", "test",
         "resize", "normalize", "standard", "color", "noise", "len", "step", "chars", "task",
         "classification", "regression", "auto", "one", "hot", "UTF", "UCI", "Fashion", "torchvision",
         "GoogLeNet", "ImageNet", "Pillow", "PNG", "JPEG", "BMP", "GIF", "WebP", "TIFF", "length",
         "horizon", "sine", "adding", "digits", "shapes", "mnist", "fashion", "folder", "text",
         "spirals", "circles", "xor", "moons", "blobs", "npz", "csv", "idx", "alpha", "use_bias",
         "ceil", "mode", "size"}
ALLOW |= set(__import__("dlstudio.data.shapes", fromlist=["CLASSES"]).CLASSES)   # class names are data


@pytest.fixture
def zh(qapp):
    from dlstudio.gui import i18n
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def test_zh_cn_translates_descriptions(zh):
    from dlstudio.gui.i18n import tr_text
    from dlstudio.gui.i18n.scan import english_words
    dense = catalogue.get("Dense")
    assert tr_text(dense.help).startswith("全连接层")
    assert tr_text(dense.group) == "核心"
    assert "卷积核" in tr_text(catalogue.get("Conv2D").schema.params[1].help)
    left = {}
    for t in described_texts():
        zh_text = tr_text(t)
        if english_words(str(t), ALLOW):       # not only syntax such as 'idx:IMAGES,LABELS'
            assert HAN.search(zh_text), t
        words = english_words(zh_text, ALLOW)
        if words:
            left[t] = words
    assert not left, list(left.items())[:5]


def test_zh_cn_translates_errors_with_their_arguments(zh):
    from dlstudio.gui.i18n import tr_text
    shown = tr_text(message(shape_error()))
    assert HAN.search(shown) and "[3, 8, 8]" in shown and "Flatten" in shown
    problems = {p.node: tr_text(p.text) for p in analyze(bad_network()).problems}
    assert problems["dense"].startswith("dense：") and "必须" in problems["dense"]
    assert "卷积核" in problems["conv"] and "9×9" in problems["conv"]
    with pytest.raises(DataError) as info:
        load_dataset("spirals:99")
    assert "螺旋臂" in tr_text(message(info.value))          # the nested argument is translated too
    from dlstudio.run import UserError, open_model
    with pytest.raises(UserError) as info:
        open_model("/nonexistent/model.dls")
    assert tr_text(message(info.value)) == "无法打开 /nonexistent/model.dls：没有这个文件"


def test_english_again_after_switching_back(qapp):
    from dlstudio.gui import i18n
    from dlstudio.gui.i18n import tr_text
    i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")
    assert tr_text(catalogue.get("Dense").help) == str(catalogue.get("Dense").help)
    assert tr_text(message(shape_error())) == str(shape_error())
