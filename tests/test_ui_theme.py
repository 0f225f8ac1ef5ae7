"""Themes: no colour is named outside the theme module, marks stay readable on a light and on
a dark palette, and View > Theme switches and remembers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from ui_support import QT_LOG_MARKS, starter_window

from cmsdesk.models.store import Store
from cmsdesk.ui import theme
from cmsdesk.ui.mainwindow import MainWindow

pytestmark = QT_LOG_MARKS
UI = Path(theme.__file__).parent


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[theme.ThemeSwitcher]:
    s = theme.ThemeSwitcher.of(qapp)
    yield s
    s.apply("system")


def test_no_widget_names_a_colour_of_its_own() -> None:
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\"|Qt\.GlobalColor\.")
    for path in UI.glob("*.py"):
        if path.name == "theme.py":
            continue
        found = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if literal.search(line)]
        assert found == [], path.name


@pytest.mark.parametrize("name", ["light", "dark"])
def test_marks_read_on_light_and_dark(switcher: theme.ThemeSwitcher, name: str) -> None:
    switcher.apply(name)
    pal = QApplication.palette()
    assert theme.is_dark(pal) == (name == "dark")
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    assert theme.contrast(base, text) > 7
    for meaning in theme.HUES:
        back, fore = theme.background(meaning), theme.foreground(meaning)
        assert theme.contrast(back, text) >= 4.5, (meaning, back.name())  # text on a marked ground
        assert theme.contrast(fore, base) >= 4.5, (meaning, fore.name())  # marked text on the base
        assert back != base  # the mark shows
        back, fore = theme.marked(meaning)  # inserted words in green on a green tint...
        assert theme.contrast(fore, back) >= 4.5, (meaning, fore.name(), back.name())


def test_view_theme_switches_and_is_remembered(
        qtbot: object, plan_store: tuple[Store, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, switcher: theme.ThemeSwitcher) -> None:
    window: MainWindow = starter_window(qtbot, plan_store, tmp_path, monkeypatch)  # type: ignore
    assert [a.text() for a in window.theme_actions.values()] == ["System", "Light", "Dark"]
    assert window.theme_actions["system"].isChecked()
    window.theme_actions["dark"].trigger()
    assert theme.is_dark() and window.theme_actions["dark"].isChecked()
    assert window.settings.value(theme.SETTING) == "dark"
    style = QApplication.style()
    assert isinstance(style, theme.ReadableFusion)
    assert style.baseStyle().name().lower() == "fusion"
    window.theme_actions["system"].trigger()
    assert window.settings.value(theme.SETTING) == "system"


@pytest.mark.parametrize("name", ["light", "dark"])
def test_unticked_boxes_show_their_edge(qtbot: object, switcher: theme.ThemeSwitcher,
                                        name: str) -> None:
    """An unticked check box or radio button is seen by its edge alone: it must stand out
    from the base by 3:1 (WCAG's contrast for marks that are not text), on a dark palette too
    (Fusion draws it a shade darker than the window)."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    switcher.apply(name)
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    for kind, element in ((QCheckBox, QStyle.PrimitiveElement.PE_IndicatorCheckBox),
                          (QRadioButton, QStyle.PrimitiveElement.PE_IndicatorRadioButton)):
        box = kind("Annex")
        box.resize(120, 30)
        image = box.grab().toImage()
        option = QStyleOptionButton()
        option.initFrom(box)
        rect = box.style().subElementRect(
            QStyle.SubElement.SE_CheckBoxIndicator if kind is QCheckBox
            else QStyle.SubElement.SE_RadioButtonIndicator, option, box)
        edge = max(theme.contrast(image.pixelColor(x, rect.center().y()), base)
                   for x in range(rect.left(), rect.center().x()))
        assert edge >= 3, (kind.__name__, element, round(edge, 2))


@pytest.mark.parametrize("name", ["system", "light", "dark"])
def test_greyed_notes_still_read(switcher: theme.ThemeSwitcher, name: str) -> None:
    """A note greyed out to say it matters less ("Used from the next start.") reads at 4.5:1
    on the window (Fusion's grey gave 1.7:1 on the light window, 3.6:1 on the dark one)."""
    switcher.apply(name)
    pal = QApplication.palette()
    window = pal.color(QPalette.ColorRole.Window)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        faint = pal.color(QPalette.ColorGroup.Disabled, role)
        assert theme.contrast(faint, window) >= 4.5, (role, faint.name())
        assert faint != pal.color(role)  # still greyed


def test_dark_panel_buttons_stand_out(qtbot: object, switcher: theme.ThemeSwitcher) -> None:
    """On the dark palette a push button (the panels' "Mark the current state…") shows its
    edge at 3:1 against the window, and the panels' float and close buttons are drawn in the
    text colour, not in Fusion's dark grey (nearly invisible on a dark title bar)."""
    from PySide6.QtWidgets import QDockWidget, QPushButton, QStyle

    switcher.apply("dark")
    pal = QApplication.palette()
    window = pal.color(QPalette.ColorRole.Window)
    button = QPushButton("Mark the current state as a named draft…")
    button.resize(300, 30)
    image = button.grab().toImage()
    edge = max(theme.contrast(image.pixelColor(x, 15), window) for x in range(0, 4))
    assert edge >= 3, round(edge, 2)
    dock = QDockWidget("Outline")
    for pixmap in (QStyle.StandardPixmap.SP_TitleBarCloseButton,
                   QStyle.StandardPixmap.SP_TitleBarNormalButton):
        icon = QApplication.style().standardIcon(pixmap, None, dock).pixmap(16, 16).toImage()
        drawn = [icon.pixelColor(x, y) for x in range(icon.width()) for y in range(icon.height())
                 if icon.pixelColor(x, y).alpha() > 200]
        assert drawn and max(theme.contrast(c, window) for c in drawn) >= 4.5, pixmap
