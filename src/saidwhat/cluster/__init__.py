"""Run the extraction on Dask, from a LocalCluster on a laptop to SLURM or Kubernetes clusters.

Inputs are split into partitions (:mod:`.partitions`); each partition is one task on a worker that
loads the spaCy pipeline once (:mod:`.worker`) and writes one Parquet shard (:mod:`.shards`, schema in
:mod:`.schema`); :func:`run` plans, skips finished shards and collects the summary.
"""

from .partitions import Partition, Plan, plan, read_partition
from .run import OutputConflictError, RunProgress, RunSummary, WorkerStartError, connect, run
from .shards import read_shard, read_shards

__all__ = ["OutputConflictError", "Partition", "Plan", "RunProgress", "RunSummary", "WorkerStartError",
           "connect", "plan", "read_partition", "read_shard", "read_shards", "run"]
