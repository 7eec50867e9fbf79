#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencsc.settings")
    # migrate and the bulk generator connect as the tables' owner; every other command as the
    # app role (opencsc/database.py).
    from opencsc.database import select_role_for_command

    select_role_for_command(sys.argv)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
