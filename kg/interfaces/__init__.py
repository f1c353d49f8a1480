"""What users touch: the ``kg`` command."""
