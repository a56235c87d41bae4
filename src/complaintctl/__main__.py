"""`python -m complaintctl`: the same CLI as the `complaintctl` command."""

from complaintctl.cli import main

main()
