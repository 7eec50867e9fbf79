"""Signing in: a local account's password and TOTP second factor, and single sign-on with the
council's identity provider (Microsoft Entra ID over OpenID Connect).

- `two_factor.py`: who must give a code, and the half-signed-in state between password and code.
- `views.py`: the sign-in page and the two-factor pages (set up an app; enter a code).
- `app_roles.py`: the council's map from Entra app role values to OpenCSC roles and teams.
- `discovery.py`: the provider's endpoints, read from its discovery document.
- `sso.py`: the OpenID Connect backend and views (mozilla-django-oidc), and who the token says.
- `recheck.py`: the middleware that asks the provider again every few minutes.
"""
