"""The embedded queue (kombu's SQLAlchemy transport on SQLite): delivered messages purged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kombu import Connection
from sqlalchemy import create_engine, text

from service.queue.sweeper import purge_delivered


def test_delivered_messages_are_purged_and_pending_ones_kept(tmp_path: Path) -> None:
    url = f"sqla+sqlite:///{tmp_path / 'queue.sqlite'}"
    with Connection(url) as conn:
        queue = conn.SimpleQueue("jishi")
        for i in range(3):
            queue.put({"id": i})
        queue.get(timeout=5).ack()  # one delivered
        queue.close()
    engine = create_engine(url.removeprefix("sqla+"))
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM kombu_message")).scalar() == 3
    assert purge_delivered(url) == 0  # delivered just now: kept for an hour
    with engine.begin() as c:
        c.execute(
            text("UPDATE kombu_message SET timestamp = :t WHERE visible = 0"),
            {"t": dt.datetime.now() - dt.timedelta(hours=2)},
        )
    assert purge_delivered(url) == 1
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM kombu_message WHERE visible = 1")).scalar() == 2
    engine.dispose()
    assert purge_delivered("redis://localhost:1/0") == 0  # other brokers delete on ack
