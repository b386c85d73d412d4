using System.Net;
using System.Net.Sockets;

namespace Rapport.Cli.Tests;

/// <summary>A free port on 127.0.0.1 for a server a test starts.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
