"""Batch import, one module per stage: `source` (reading files), `mapping` (headers and
value aliases), `values` (cells -> validated rows, the reader process's work), `worker`
(batches, the reader process), `writer` (rows -> the database), `rejects`, `run` (one
import from start to end). Every row is validated, bad rows go to a rejects file, good
rows are written in batches, and re-runs recognise what is already there."""

from complaintctl.core.importer.cells import CODE_FIELDS
from complaintctl.core.importer.options import ImportOptions, ImportSummary
from complaintctl.core.importer.records import flatten_record
from complaintctl.core.importer.run import import_records

__all__ = ["CODE_FIELDS", "ImportOptions", "ImportSummary", "flatten_record", "import_records"]
