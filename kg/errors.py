"""User-facing errors: one class per thing a user can get wrong, each naming the thing and the fix.

The CLI catches :class:`KgError`, prints its message on one line and exits with code 2; anything else is
an internal error and is reported with a pointer to the issue tracker.
"""

from __future__ import annotations


class KgError(Exception):
    """An error the user can cause and fix; its message is shown as is."""


class InputError(KgError):
    """An input path, file or record that cannot be read as an article."""


class DataFileError(KgError):
    """A row of a bundled or user-supplied data file (gazetteer, lexicon) that is malformed."""


class GraphNotFoundError(KgError):
    """No built graph where one was expected."""


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run."""


class FormatError(KgError):
    """An output or result format that kg does not know."""
