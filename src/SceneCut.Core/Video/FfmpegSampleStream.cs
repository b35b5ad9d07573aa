using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// The second output of the FFmpeg child: sample-size BGR pictures of every n-th frame (the CNN's input), over a local
/// socket that FFmpeg connects to — a Unix domain socket in a folder only this user can open, or loopback TCP where the
/// FFmpeg build has no <c>unix:</c> protocol (Windows). A thread of its own reads it into a few reusable buffers, so
/// FFmpeg never waits on this output while the frame loop reads the small frames from stdout.
/// </summary>
internal sealed class FfmpegSampleStream : IDisposable
{
    // Pictures read ahead of the frame loop, plus the one it holds. FFmpeg writes a sample late, not early (it holds each
    // output's frame until the next one of that output arrives), so the reader is rarely ahead.
    private const int Buffers = 4;

    private readonly Socket _listener;
    private readonly string? _socketFolder;
    private readonly RawFrameReadAhead _pictures;
    private Socket? _connection;
    private bool _disposed;

    private FfmpegSampleStream(Socket listener, string url, string? socketFolder, Size size)
    {
        _listener = listener;
        Url = url;
        _socketFolder = socketFolder;
        Size = size;
        _pictures = new RawFrameReadAhead(size, Buffers);
    }

    /// <summary>The URL to give FFmpeg as the sample output.</summary>
    public string Url { get; }

    /// <summary>Size of every sample picture.</summary>
    public Size Size { get; }

    /// <summary>Opens a listening socket for samples of <paramref name="size"/>; Unix domain when <paramref name="unixSocket"/>.</summary>
    public static FfmpegSampleStream Listen(Size size, bool unixSocket)
    {
        if (unixSocket && !OperatingSystem.IsWindows())
        {
            // A fresh folder only this user may enter (CreateTempSubdirectory makes it 0700): no other local user can
            // connect to the socket and feed pictures in FFmpeg's place.
            var folder = Directory.CreateTempSubdirectory("scenecut-").FullName;
            var path = Path.Combine(folder, "samples.sock");
            // sun_path holds 108 bytes on Linux; an unusually long TMPDIR falls back to loopback TCP.
            if (path.Length < 100)
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    socket.Bind(new UnixDomainSocketEndPoint(path));
                    socket.Listen(1);
                    return new FfmpegSampleStream(socket, "unix://" + path, folder, size);
                }
                catch
                {
                    socket.Dispose();
                    Directory.Delete(folder, recursive: true);
                    throw;
                }
            }

            Directory.Delete(folder, recursive: true);
        }

        var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            tcp.Listen(1);
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            return new FfmpegSampleStream(tcp, string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{port}"), null, size);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Starts waiting for FFmpeg's connection and reading pictures (call once, right after FFmpeg started).</summary>
    public void Start() => _pictures.Start(AcceptConnection, "ffmpeg samples");

    /// <summary>
    /// The next sample picture, valid until the next call; null when the output ended first (FFmpeg stopped, e.g. on a
    /// truncated file, after writing the frame but before its sample).
    /// </summary>
    public Mat? Next(CancellationToken cancellationToken) => _pictures.Next(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Closing the sockets ends a blocking accept or read at once.
        _listener.Dispose();
        _connection?.Dispose();
        _pictures.Dispose();
        if (_socketFolder is not null)
        {
            try
            {
                Directory.Delete(_socketFolder, recursive: true);
            }
            catch (IOException)
            {
                // Only an empty temp folder is left behind.
            }
        }
    }

    private Stream AcceptConnection()
    {
        _connection = _listener.Accept();
        if (_disposed)
        {
            // Disposed while FFmpeg connected: Dispose may have missed this connection, so close it here.
            _connection.Dispose();
            throw new ObjectDisposedException(nameof(FfmpegSampleStream));
        }

        // The stream only reads; the connection itself is closed by Dispose, which may run while a read blocks.
        return new NetworkStream(_connection, ownsSocket: false);
    }
}
