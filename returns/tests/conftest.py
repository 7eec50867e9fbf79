from returns.testing import authority, qa_officer  # noqa: F401
