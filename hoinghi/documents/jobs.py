"""The background job that makes a batch of documents (run by hoinghi.jobs)."""

from __future__ import annotations

from datetime import timedelta

from hoinghi.documents.models import BatchState, DocumentBatch
from hoinghi.documents.services import BATCH_JOB, recover_batch, run_batch
from hoinghi.jobs.runner import JobContext, handler


@handler(BATCH_JOB)
def make_batch(context: JobContext) -> None:
    batch = DocumentBatch.objects.select_related("agency").get(pk=context.arguments["batch"])
    if batch.state == BatchState.RUNNING and context.job.attempts > 1:
        # The job's previous run died with its process (no heartbeat): so did the batch's.
        batch = recover_batch(batch, stale_after=timedelta(0))
    context.progress(0, batch.total)
    done = run_batch(batch, on_progress=context.progress, reraise=True)
    context.progress(done.done, done.total)
