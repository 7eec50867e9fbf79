from returns.testing import authority, qa_officer  # noqa: F401
from synthetic.testing import small_authority  # noqa: F401,E402
