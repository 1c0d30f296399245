"""The end of a device flow: keep the tokens and learn which Allegro account they reach."""
from __future__ import annotations

from core.allegro.rest import oauth
from core.allegro.rest.tokens import TokenSource, connection_for, store_tokens


def save_connection(channel, paths, token: dict, login: str | None = None) -> str:
    """Store the new token pair in the keyring (first: the device code cannot be used
    again), then GET /me unless the login is known; the channel keeps it as its username."""
    connection = connection_for(channel, paths)
    store_tokens(connection.account, token)
    if login is None:
        login = str(oauth.me(connection.endpoints, token["access_token"]).get("login") or "")
    if login and channel.id is not None and channel.username != login:
        channel.username = login
        channel.save(only=[type(channel).username])
    return login


def who_am_i(channel, paths) -> str:
    """The login of the Allegro account a REST channel reaches (GET /me), refreshing once
    when Allegro says the access token has expired."""
    source = TokenSource(channel.id, paths, connection_for(channel, paths))
    token = source.access_token()
    try:
        return str(oauth.me(source.connection.endpoints, token).get("login") or "")
    except oauth.OAuthFailed as error:
        if error.code != "invalid_token":
            raise
        return str(oauth.me(source.connection.endpoints, source.refreshed(token)).get("login") or "")
