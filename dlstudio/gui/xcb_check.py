"""Which system libraries Qt's X11 platform plugin (xcb) needs and are missing — asked before Qt is
imported, because Qt aborts the process with a generic hint when one is missing.

No Qt here: this runs before the app imports PySide6.
"""
from __future__ import annotations

import ctypes

#: the system libraries libqxcb.so and libQt6XcbQpa.so.6 load (Qt 6.5+), with the Debian / Ubuntu
#: package of each; Qt's own libraries come with PySide6 and are not checked
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def loadable(name: str) -> bool:
    """Whether the dynamic loader finds and loads the library `name` (a soname)."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries(can_load=loadable) -> list[str]:
    """The sonames of XCB_LIBRARIES the loader cannot load, in table order."""
    return [name for name in XCB_LIBRARIES if not can_load(name)]


def missing_message(missing: list[str]) -> str:
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[m] for m in missing))
    return (f"Qt's X11 support needs system libraries that are missing here: {', '.join(missing)}. "
            f"Install them, e.g. `sudo apt install {packages}` on Debian or Ubuntu (on Fedora: "
            "`sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image "
            "xcb-util-renderutil libxkbcommon-x11`). (Set QT_QPA_PLATFORM to choose Qt's platform yourself.)")
