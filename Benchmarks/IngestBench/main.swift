print("ingest-bench")
