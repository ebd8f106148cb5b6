"""Staff web at /staff: sign-in, overview, five criteria, reflections, activities, meetings, exports.

`create_app` registers `staff.blueprint`; registering it also configures the session cookie and
adds `flask staff create`.
"""

from __future__ import annotations

import importlib
import pkgutil

from staff import cli, security, views
from staff.blueprint import blueprint

# Each page lives in its own module of staff.views; importing it adds its routes.
for _module in pkgutil.iter_modules(views.__path__):
    importlib.import_module(f"{views.__name__}.{_module.name}")

__all__ = ["blueprint", "cli", "security"]
