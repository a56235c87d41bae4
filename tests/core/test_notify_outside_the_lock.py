"""A message is sent after its change commits, with no transaction open: a slow mail server
cannot keep the rest of the team from writing."""

import threading

from complaintctl.core.desk.complaints import NewComplaint, log_complaint
from complaintctl.core.notify import config
from complaintctl.core.notify.deliver import send_pending
from complaintctl.store.db import connect
from conftest import on_server, shell
from local_servers import SmtpServer


def test_a_held_mail_server_does_not_hold_the_write_lock(conn, db_path):
    smtp = SmtpServer()
    try:
        config.set_smtp(conn, actor="t", host="127.0.0.1", port=smtp.port, security="none", sender="s@example.cn")
        config.set_switches(conn, {"enabled": True, "ack": True}, actor="t")
        log_complaint(conn, NewComplaint(subject="洗衣机漏水", email="wf@example.cn"), actor="t")
        assert [tuple(r) for r in conn.execute("SELECT status FROM outbox")] == [("pending",)]  # queued with the complaint

        smtp.held.hold()  # the server takes the message and then waits
        results = []

        def send():
            sender = connect(db_path)  # a connection of its own, in its own thread, like another command
            results.extend(send_pending(sender, seconds=30).results)
            sender.close()

        worker = threading.Thread(target=send)
        worker.start()
        assert smtp.held.arrived.wait(10), "the message never reached the mail server"

        # meanwhile another agent writes, with a short busy timeout: no lock is held (on PostgreSQL
        # the desk's writer lock, an advisory lock, waited for at most as long)
        other = shell(db_path)
        other.execute("SET lock_timeout = '500ms'" if on_server(db_path) else "PRAGMA busy_timeout = 500")
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO agents (name, created_at) VALUES ('amy', '2026-11-30T00:00:00Z')")
        other.execute("COMMIT")
        other.close()
        assert [tuple(r) for r in conn.execute("SELECT status FROM outbox")] == [("sending",)]

        smtp.held.release.set()
        worker.join(10)
        assert [r["sent"] for r in results] == [True]
        assert [tuple(r) for r in conn.execute("SELECT status, attempts FROM outbox")] == [("sent", 1)]
    finally:
        smtp.close()


def test_two_senders_never_send_one_message_twice(conn, db_path):
    smtp = SmtpServer()
    try:
        config.set_smtp(conn, actor="t", host="127.0.0.1", port=smtp.port, security="none", sender="s@example.cn")
        config.set_switches(conn, {"enabled": True, "ack": True}, actor="t")
        for i in range(6):
            log_complaint(conn, NewComplaint(subject=f"投诉 {i}", email=f"c{i}@example.cn"), actor="t")
        def send():
            sender = connect(db_path)
            send_pending(sender)
            sender.close()

        threads = [threading.Thread(target=send) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(m["to"][0] for m in smtp.messages) == [f"c{i}@example.cn" for i in range(6)]
        assert conn.execute("SELECT count(*) FROM outbox WHERE status = 'sent' AND attempts = 1").fetchone()[0] == 6
    finally:
        smtp.close()
