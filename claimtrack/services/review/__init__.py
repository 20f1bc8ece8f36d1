"""The review desk: claims, their sources and verdicts, the workflow, the queue and the history."""
