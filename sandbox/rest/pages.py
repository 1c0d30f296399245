"""The verification page (``/skojarz-aplikacje``): the seller signs in and allows or denies."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..sessions import SELLER_LOGIN, SELLER_PASSWORD
from .oauth import OAuthBook

if TYPE_CHECKING:  # pragma: no cover
    from .request import Request

_PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Allegro sandbox – powiąż aplikację</title>
</head><body>
<h1>Powiąż aplikację z kontem / Link the application to your account</h1>
{message}
{form}
</body></html>"""
_FORM = """<form method="post" action="{action}">
<p><label>Kod / Code <input name="user_code" value="{code}" autocomplete="off"></label></p>
<p><label>Login <input name="login" value="{login}"></label></p>
<p><label>Hasło / Password <input name="password" type="password"></label></p>
<p><button name="decision" value="allow">Pozwól / Allow</button>
<button name="decision" value="deny">Odmów / Deny</button></p>
</form>"""


def _page(
    action: str, message: str = "", code: str = "", login: str = "", show_form: bool = True
) -> bytes:
    form = (
        _FORM.format(action=escape(action), code=escape(code), login=escape(login))
        if show_form
        else ""
    )
    text = f'<p role="alert">{escape(message)}</p>' if message else ""
    return _PAGE.format(message=text, form=form).encode("utf-8")


def show(req: "Request", action: str) -> tuple[int, bytes]:
    return 200, _page(action, code=req.one("code") or "")


def submit(req: "Request", action: str, oauth: OAuthBook) -> tuple[int, bytes]:
    fields = OAuthBook.form(req.body)
    code, login = fields.get("user_code", ""), fields.get("login", "")
    if login != SELLER_LOGIN or fields.get("password") != SELLER_PASSWORD:
        return 401, _page(action, "Błędny login lub hasło. / Wrong login or password.", code, login)
    allow = fields.get("decision") == "allow"
    try:
        oauth.decide(code, allow)
    except KeyError:
        return 400, _page(action, "Nie ma takiego kodu. / There is no such code.", code, login)
    except ValueError as exc:
        return 400, _page(action, f"Kodu nie można użyć: {exc}", code, login)
    if allow:
        return 200, _page(
            action,
            "Aplikacja została powiązana z kontem. Możesz wrócić do "
            "aplikacji. / The application is linked: go back to it.",
            show_form=False,
        )
    return 200, _page(action, "Odmówiono dostępu aplikacji. / Access was denied.", show_form=False)
