"""The six buttons of the main rich menu, their grid cells and the menu object LINE stores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from messages.builders import MAIN_ACTIONS
from messages.catalog import text

# LINE's large rich menu: 2500 x 1686 px, here three columns by two rows.
WIDTH, HEIGHT = 2500, 1686
COLUMNS, ROWS = 3, 2
# Menus whose name starts with this were made by `flask richmenu deploy` (LINE never shows it).
NAME_PREFIX = "nong-khunnatham main menu"
CHAT_BAR_LIMIT = 14


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    width: int
    height: int

    def bounds(self) -> dict[str, int]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}


@dataclass(frozen=True)
class Button:
    command: str
    label: str
    cell: Cell

    def action(self) -> dict[str, Any]:
        """A postback, so the button runs its command even in the middle of a conversation."""
        return {
            "type": "postback",
            "label": self.label,
            "data": f"cmd={self.command}",
            "displayText": self.label,
        }


def cells() -> list[Cell]:
    """Split the image into the grid, left to right then top to bottom, with no gap or overlap."""
    xs = [round(i * WIDTH / COLUMNS) for i in range(COLUMNS + 1)]
    ys = [round(j * HEIGHT / ROWS) for j in range(ROWS + 1)]
    return [
        Cell(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j])
        for j in range(ROWS)
        for i in range(COLUMNS)
    ]


def buttons(language: str = "th") -> list[Button]:
    """The main actions in menu order, each with its label and its cell."""
    actions = list(MAIN_ACTIONS.items())
    grid = cells()
    if len(actions) != len(grid):
        raise ValueError(f"{len(actions)} main actions do not fill a {COLUMNS}x{ROWS} menu")
    return [
        Button(command, text(key, language), cell)
        for (key, command), cell in zip(actions, grid, strict=True)
    ]


def chat_bar_text(language: str = "th") -> str:
    label = text("richmenu.chat_bar", language)
    if len(label) > CHAT_BAR_LIMIT:
        raise ValueError(f"chat bar text over {CHAT_BAR_LIMIT} characters: {label!r}")
    return label


def menu_object(name: str, language: str = "th") -> dict[str, Any]:
    """The rich menu as the Messaging API takes it (shown open, so members see it at once)."""
    return {
        "size": {"width": WIDTH, "height": HEIGHT},
        "selected": True,
        "name": name,
        "chatBarText": chat_bar_text(language),
        "areas": [
            {"bounds": button.cell.bounds(), "action": button.action()}
            for button in buttons(language)
        ],
    }
