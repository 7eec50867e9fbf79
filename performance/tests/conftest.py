from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
from returns.testing import authority, qa_officer  # noqa: F401
from synthetic.testing import small_authority  # noqa: F401
