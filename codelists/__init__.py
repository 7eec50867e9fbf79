"""The DfE code lists this system records against, one module per statutory return.

Convention, for every list:

* each list is a Django ``models.TextChoices``;
* the member's VALUE is the exact code the return expects (``"N1"``, ``"RC8"``, ``"U4"``), so what
  we store is what we send, with no translation table to drift;
* the member's NAME is the code too, where the code is a valid Python name; codes that start with a
  digit (``"1A"``, ``"10"``, ``"0"``) get a ``CODE_`` prefix (``CODE_1A``);
* the LABEL is the code's meaning in plain English, as the DfE publishes it, for people to read;
* each class's docstring names the specification file (and collection year) it comes from.

Modules:

* ``codelists.cin``: children in need census 2025 to 2026, from ``specs/cin_census/CIN_schema_2026.xsd``.
* ``codelists.ssda903``: children looked after return (SSDA903) 2025 to 2026, from
  ``specs/ssda903/SSDA903_schema_2017.yml`` with the yearly diffs (2019, 2022, 2024, 2025, 2026) applied.

``codelists/tests/test_codelists.py`` reads those specification files and fails if any list here
differs from them, so when the DfE changes a list the test says which one.
"""
