"""The Flask extensions the HTML pages and the JSON API share. They live here, below both,
so a blueprint imports them from this module and never from its parent package."""

from __future__ import annotations

from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

htmx = HTMX()
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
