"""Batch import, one module per stage (other rooms and cli/ reach it only through this face): `source`
(reading files), `mapping` (headers and value aliases), `values` (cells -> validated rows, the
reader process's work), `worker` (batches, the reader process), `writer` (rows -> the database),
`rejects`, `run` (one import from start to end), `batches` (every import a batch: listed, undone).
Every row is validated, bad rows go to a rejects file, good rows are written in batches, and
re-runs recognise what is already there."""

from complaintctl.core.intake.batches import LIST_COLUMNS as IMPORT_LIST_COLUMNS
from complaintctl.core.intake.batches import list_imports, undo_import
from complaintctl.core.intake.cells import CODE_FIELDS
from complaintctl.core.intake.explain import explain_mapping
from complaintctl.core.intake.mapping import load_mapping_file, parse_map_options, parse_set_options
from complaintctl.core.intake.options import ImportOptions, ImportStopped, ImportSummary, check_batch_size
from complaintctl.core.intake.records import flatten_record
from complaintctl.core.intake.rejects import default_rejects_path
from complaintctl.core.intake.run import import_records, imports_recorded
from complaintctl.core.intake.source import open_source

__all__ = ["CODE_FIELDS", "IMPORT_LIST_COLUMNS", "ImportOptions", "ImportStopped", "ImportSummary", "check_batch_size",
           "default_rejects_path", "explain_mapping", "flatten_record", "import_records", "imports_recorded",
           "list_imports", "load_mapping_file", "open_source", "parse_map_options", "parse_set_options", "undo_import"]
