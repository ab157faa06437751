"""The Celery app. Embedded: kombu's SQLAlchemy transport on a SQLite file in the data
directory; at scale: ``JISHI_BROKER_URL=redis://…`` or ``amqp://…``. Same code.

The broker carries only submission ids; the database row is the record (see runner and
the sweeper). Settings measured on this machine (issue 11): late acks and rejection on
a lost worker, prefetch 1, no result backend, the models loaded once per worker process
before the first task, and no ``max_tasks_per_child`` (it would reload them per check).

The pool is ``solo``: one check at a time per worker process, run N processes for N at
once (``jishi serve --workers N``). Not ``prefork``: a pool process is daemonic and the
extractors' sandbox must start its own (forkserver) process to parse each docx/PDF under
limits, which a daemonic process may not do. ``worker_proc_alive_timeout`` is raised for
anyone who runs a pool anyway.

Worker: ``celery -A service.queue.app worker``; the sweeper's schedule: ``celery -A
service.queue.app beat`` (``jishi serve`` runs both itself in the embedded mode).
"""

from __future__ import annotations

import kombu.transport.sqlalchemy
from celery import Celery

from service.settings import ServiceSettings

# The transport's 1 s default poll gave 2.6 tasks/s, 0.1 s gave 14-18/s. Passing it in
# broker_transport_options crashes the worker (it is handed to create_engine).
kombu.transport.sqlalchemy.Transport.polling_interval = 0.1

CHECK_TASK = "jishi.check"
SWEEP_TASK = "jishi.sweep"
QUEUE = "jishi"
VISIBILITY_MARGIN_S = 60.0


def make_app(settings: ServiceSettings) -> Celery:
    app = Celery("jishi", broker=settings.queue_url, include=["service.queue.tasks"])
    app.conf.update(
        task_default_queue=QUEUE,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        worker_proc_alive_timeout=settings.worker_proc_alive_timeout,
        worker_max_memory_per_child=settings.worker_max_memory_kb,
        worker_pool="solo",
        worker_concurrency=1,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": settings.lease_seconds + VISIBILITY_MARGIN_S}
        if settings.queue_url.startswith(("redis", "rediss"))
        else {},
        beat_schedule={"sweep": {"task": SWEEP_TASK, "schedule": settings.sweep_every_seconds}},
        beat_schedule_filename=str(settings.data_dir / "beat-schedule"),
        timezone="UTC",
    )
    return app


settings = ServiceSettings.from_env()
app = make_app(settings)
