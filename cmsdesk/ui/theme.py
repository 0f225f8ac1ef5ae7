"""Themes and the colours that carry meaning, all derived from the palette.

View > Theme offers the system's look, a light one and a dark one (Qt's Fusion style with a
light or dark palette). No widget names a colour of its own: marks such as "contested",
"inserted", "deleted" or "[bracketed]" are a hue blended into the palette's base (for
backgrounds) or its text colour (for text), so they read on a light and on a dark window alike.
Stylesheets use ``palette(...)`` roles, which follow a theme change at once; colours handed out
by models are read when a view asks for them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from cmsdesk.ui.labels import translate

THEMES = ("system", "light", "dark")
SETTING = "view/theme"

# Hues that carry a meaning; never shown as they are, always blended into the palette.
HUES = {
    "alert": QColor(200, 40, 30),  # refused, contested, unresolved
    "insert": QColor(40, 160, 60),  # words added
    "delete": QColor(210, 60, 50),  # words taken out
    "bracket": QColor(240, 200, 0),  # text not yet agreed
    "primary": QColor(40, 160, 60),  # a primary link in the matrix
    "supporting": QColor(120, 190, 80),  # a supporting link
}
BACKGROUND_SHARE = {"alert": 0.22, "insert": 0.28, "delete": 0.28, "bracket": 0.35,
                    "primary": 0.45, "supporting": 0.22}


def theme_names() -> dict[str, str]:
    return {"system": translate("theme", "System"), "light": translate("theme", "Light"),
            "dark": translate("theme", "Dark")}


def blend(a: QColor, b: QColor, share: float) -> QColor:
    """``share`` of ``b`` over ``a``."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * share,
                           a.greenF() + (b.greenF() - a.greenF()) * share,
                           a.blueF() + (b.blueF() - a.blueF()) * share)


def palette() -> QPalette:
    app = QGuiApplication.instance()
    return QGuiApplication.palette() if app is not None else QPalette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def background(meaning: str, pal: QPalette | None = None) -> QColor:
    """A background that says ``meaning`` (see :data:`HUES`) on this palette's base."""
    pal = pal or palette()
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    share = BACKGROUND_SHARE[meaning] * (1.4 if is_dark(pal) else 1.0)
    colour = blend(base, HUES[meaning], share)
    while share > 0.1 and contrast(colour, text) < 4.5:  # the text on it must still read
        share -= 0.05
        colour = blend(base, HUES[meaning], share)
    return colour


def luminance(c: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; 4.5 reads as body text."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def foreground(meaning: str, pal: QPalette | None = None, on: QColor | None = None) -> QColor:
    """Text that says ``meaning``: the palette's text tinted as much as it can be while it
    still reads (contrast 4.5 or more) against the base, or against ``on`` (a marked
    background: words on :func:`background` of the same meaning)."""
    pal = pal or palette()
    text, ground = pal.color(QPalette.ColorRole.Text), on or pal.color(QPalette.ColorRole.Base)
    for step in range(8, -1, -1):
        colour = blend(text, HUES[meaning], step / 10)
        if contrast(colour, ground) >= 4.5:
            return colour
    return text


def marked(meaning: str) -> tuple[QColor, QColor]:
    """Background and text colours of words marked with ``meaning`` (inserted, deleted,
    [bracketed]): the text reads on that background, on a light and on a dark palette."""
    back = background(meaning)
    return back, foreground(meaning, on=back)


def muted(pal: QPalette | None = None) -> QColor:
    pal = pal or palette()
    return pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def css(colour: QColor) -> str:
    return colour.name()


def _fusion_palette(dark: bool) -> QPalette:
    if not dark:
        return readable_notes(QStyleFactory.create("Fusion").standardPalette())
    pal = QPalette()
    roles = QPalette.ColorRole
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, colour in ((roles.Window, window), (roles.WindowText, text), (roles.Base, base),
                         (roles.AlternateBase, QColor(40, 40, 44)), (roles.Text, text),
                         (roles.Button, window), (roles.ButtonText, text),
                         (roles.ToolTipBase, QColor(60, 60, 64)), (roles.ToolTipText, text),
                         (roles.PlaceholderText, QColor(150, 150, 150)),
                         (roles.Highlight, QColor(42, 110, 187)),
                         (roles.HighlightedText, QColor(255, 255, 255)),
                         (roles.Link, QColor(110, 170, 255)), (roles.BrightText, QColor(255, 90, 90)),
                         (roles.Light, QColor(70, 70, 74)), (roles.Midlight, QColor(58, 58, 62)),
                         (roles.Mid, QColor(40, 40, 44)), (roles.Dark, QColor(20, 20, 22)),
                         (roles.Shadow, QColor(0, 0, 0))):
        pal.setColor(role, colour)
    # A button stands out from the window it sits on (Fusion fills it with this role).
    pal.setColor(roles.Button, blend(window, text, 0.1))
    return readable_notes(pal)


def readable_notes(pal: QPalette) -> QPalette:
    """``pal`` with disabled text that still reads (4.5:1 on the window): a greyed label is
    how a note says it matters less ("Used from the next start.", "The Trash is empty."),
    and Fusion's own grey gave it 1.7:1 on the light window (3.6:1 on the dark one)."""
    roles, disabled = QPalette.ColorRole, QPalette.ColorGroup.Disabled
    window, text = pal.color(roles.Window), pal.color(roles.WindowText)
    share = 0.4
    while share < 1 and contrast(blend(window, text, share), window) < 4.5:
        share += 0.05
    faint = blend(window, text, min(share, 1.0))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        pal.setColor(disabled, role, faint)
    return pal


def outline(pal: QPalette | None = None) -> QColor:
    """The edge of a box to tick or choose: a non-text mark, so 3:1 against the base."""
    pal = pal or palette()
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    return blend(base, text, 0.5)


def tinted(icon: QIcon, colour: QColor) -> QIcon:
    """``icon`` drawn in ``colour`` (its shape kept): for the few pictures of the style that are
    drawn in a fixed dark grey."""
    out = QIcon()
    for size in icon.availableSizes() or [QSize(16, 16), QSize(32, 32)]:
        pixmap = QPixmap(icon.pixmap(size))
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), colour)
        painter.end()
        out.addPixmap(pixmap)
    return out


class ReadableFusion(QProxyStyle):
    """Qt's Fusion style, with the edges of check boxes and radio buttons drawn so they show
    (3:1 against the base, as WCAG asks of marks that are not text). Fusion draws them a shade
    darker than the window: on a dark window almost the base itself (an unticked box in a list
    was invisible), on a light one a pale grey (1.9:1). On a dark palette, push buttons get the
    same edge (Fusion's, a shade darker than the window, left them as flat bars in the panels),
    and the float and close buttons of the panels' title bars are drawn in the palette's text
    colour instead of Fusion's dark grey."""

    _MARKS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
              QStyle.PrimitiveElement.PE_IndicatorRadioButton)
    _TITLE_BAR = (QStyle.StandardPixmap.SP_TitleBarNormalButton,
                  QStyle.StandardPixmap.SP_TitleBarCloseButton,
                  QStyle.StandardPixmap.SP_DockWidgetCloseButton,
                  QStyle.StandardPixmap.SP_TitleBarMaxButton,
                  QStyle.StandardPixmap.SP_TitleBarMinButton)

    def __init__(self) -> None:
        super().__init__("Fusion")
        # Tinted title-bar pictures by (picture, colour): every panel asks for its float and
        # close buttons' pictures on each layout (some sixty times before the first frame).
        self._tinted: dict[tuple[QStyle.StandardPixmap, int], QIcon] = {}

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        pal: QPalette = option.palette  # type: ignore[attr-defined]
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)  # type: ignore[attr-defined]
        if element == QStyle.PrimitiveElement.PE_PanelButtonCommand and enabled and is_dark(pal):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(outline(pal), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(  # type: ignore[attr-defined]
                0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()
            return
        if element not in self._MARKS:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline(option.palette), 1))  # type: ignore[attr-defined]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)  # type: ignore[attr-defined]
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.drawRoundedRect(box, 1.5, 1.5)
        else:
            painter.drawEllipse(box.adjusted(1, 1, -1, -1))
        painter.restore()


    def standardIcon(self, icon: QStyle.StandardPixmap,  # noqa: N802 (Qt's name)
                     option: QStyleOption | None = None, widget: QWidget | None = None) -> QIcon:
        if icon not in self._TITLE_BAR:
            return super().standardIcon(icon, option, widget)
        pal = option.palette if option is not None else (  # type: ignore[attr-defined]
            widget.palette() if widget is not None else palette())
        colour = pal.color(QPalette.ColorRole.WindowText)
        key = (icon, colour.rgba())
        if key not in self._tinted:
            self._tinted[key] = tinted(super().standardIcon(icon, option, widget), colour)
        return self._tinted[key]


class ThemeSwitcher(QObject):
    """Applies a theme to the application and remembers it. ``changed`` tells views that
    cache colours (rendered previews, highlighters) to draw again."""

    changed = Signal(str)
    _instance: ThemeSwitcher | None = None

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.system_style = app.style().name()
        self.system_palette = QPalette(app.palette())
        self.current = "system"

    @classmethod
    def of(cls, app: QApplication) -> ThemeSwitcher:
        if cls._instance is None or cls._instance.app is not app:
            cls._instance = ThemeSwitcher(app)
        return cls._instance

    def apply(self, name: str) -> None:
        name = name if name in THEMES else "system"
        if name == "system":
            # Fusion is the system's style on many Linux desktops, with their dark palettes.
            self.app.setStyle(ReadableFusion() if self.system_style.lower() == "fusion"
                              else self.system_style)
            self.app.setPalette(readable_notes(QPalette(self.system_palette)))
            QGuiApplication.styleHints().unsetColorScheme()
        else:
            self.app.setStyle(ReadableFusion())
            QGuiApplication.styleHints().setColorScheme(
                Qt.ColorScheme.Dark if name == "dark" else Qt.ColorScheme.Light)
            self.app.setPalette(_fusion_palette(name == "dark"))
        self.current = name
        self.changed.emit(name)

    def apply_saved(self, settings: QSettings) -> None:
        self.apply(str(settings.value(SETTING, "system")))

    def choose(self, name: str, settings: QSettings) -> None:
        settings.setValue(SETTING, name)
        self.apply(name)
