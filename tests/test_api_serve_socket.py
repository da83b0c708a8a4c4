"""What `polemos serve` does before serving: the socket it listens on (accepted connections send
without Nagle's delay) and the startup heap frozen out of the garbage collector's reach."""

from __future__ import annotations

import asyncio
import socket

import pytest

from polemos.cli.serve import listening_socket


def _accepted_nodelay(sock: socket.socket) -> int:
    """TCP_NODELAY of a connection asyncio accepts on ``sock`` (as uvicorn serves it)."""
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            conn = transport.get_extra_info("socket")
            seen.append(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def main() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        host, port = sock.getsockname()[:2]
        _, writer = await asyncio.open_connection(host, port)
        for _ in range(200):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())
    assert seen, "no connection was accepted"
    return seen[0]


def test_api_serve_socket_accepted_connections_have_nodelay() -> None:
    sock = listening_socket("127.0.0.1", 0)
    assert sock.proto == socket.IPPROTO_TCP
    assert _accepted_nodelay(sock) != 0


def test_api_serve_socket_a_plain_socket_would_not() -> None:
    """What the test above guards against: a socket made with protocol 0 gets no TCP_NODELAY."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    assert _accepted_nodelay(sock) == 0


def test_api_serve_socket_ipv6() -> None:
    try:
        sock = listening_socket("::1", 0)
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    assert sock.family == socket.AF_INET6
    assert _accepted_nodelay(sock) != 0


def test_api_serve_socket_refuses_a_port_in_use() -> None:
    first = listening_socket("127.0.0.1", 0)
    first.listen()
    with pytest.raises(OSError):
        listening_socket("127.0.0.1", first.getsockname()[1])
    first.close()


def test_api_serve_freezes_the_startup_heap() -> None:
    """`polemos serve` freezes what startup made; what requests make later is still collected."""
    import gc

    from polemos.cli.serve import freeze_startup_heap

    startup = [[n] for n in range(1000)]  # alive at startup: frozen
    before = gc.get_freeze_count()
    try:
        frozen = freeze_startup_heap()
        assert frozen >= before + len(startup) and frozen == gc.get_freeze_count()
        cycle: list[object] = []
        cycle.append(cycle)  # garbage only the collector can free
        del cycle
        assert gc.collect() >= 1 and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
