"""Sentences the Lab's engine modules build from translatable pieces (dlstudio.engine.lab.texts):
the English is exactly the plain join / format, and the pieces stay reachable for translation."""
from __future__ import annotations

from dlstudio.engine.lab.texts import composed, joined
from dlstudio.i18n import Text, tr


def test_joined_is_the_plain_join_and_remembers_its_parts():
    parts = [tr("[ch {channel}] {products}").format(channel=0, products="1×2"), "3×{4}"]
    j = joined(" + {", parts)
    assert isinstance(j, Text) and str(j) == " + {".join(parts)
    assert j.args == tuple(parts) and j.args[0].template == "[ch {channel}] {products}"
    assert j.template.format(*j.args) == str(j)            # braces in the separator are escaped
    assert str(joined(", ", [])) == ""


def test_composed_formats_and_keeps_marked_fields():
    note = tr("({n} padding cells ignored)").format(n=2)
    c = composed("max({values}) = {value}   {note}", values="1, 5", value="5", note=note)
    assert str(c) == "max(1, 5) = 5   (2 padding cells ignored)"
    assert c.kwargs["note"] is note and c.template.startswith("max(")
