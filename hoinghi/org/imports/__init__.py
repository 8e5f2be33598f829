"""Staff import from XLSX and CSV: reading (files), checking (rows), writing (apply) and
the services that tie them together (services). Column contract: docs/import.md."""
