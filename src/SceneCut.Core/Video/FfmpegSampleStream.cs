using System.Collections.Concurrent;
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
    // Pictures read ahead of the frame loop, plus the one it holds. FFmpeg writes a frame's sample right after the frame
    // itself, so the reader is never more than one or two samples ahead.
    private const int Buffers = 4;

    private readonly Socket _listener;
    private readonly string? _socketFolder;
    private readonly int _frameBytes;
    private readonly byte[][] _buffers;
    private readonly Mat[] _pictures;
    private readonly BlockingCollection<int> _free = new(Buffers);
    private readonly BlockingCollection<int> _ready = new(Buffers);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private Socket? _connection;
    private int _held = -1;
    private bool _disposed;

    private FfmpegSampleStream(Socket listener, string url, string? socketFolder, Size size)
    {
        _listener = listener;
        Url = url;
        _socketFolder = socketFolder;
        Size = size;
        _frameBytes = checked(size.Width * size.Height * 3);
        _buffers = new byte[Buffers][];
        _pictures = new Mat[Buffers];
        for (var i = 0; i < Buffers; i++)
        {
            _buffers[i] = new byte[_frameBytes];
            // Each picture wraps its pinned buffer, so the socket reads straight into it: no copy per sample.
            _pictures[i] = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, _buffers[i]);
            _free.Add(i);
        }
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
    public void Start()
    {
        _reader = new Thread(ReadAll) { IsBackground = true, Name = "ffmpeg samples" };
        _reader.Start();
    }

    /// <summary>
    /// The next sample picture, valid until the next call; null when the output ended first (FFmpeg stopped, e.g. on a
    /// truncated file, after writing the frame but before its sample).
    /// </summary>
    public Mat? Next(CancellationToken cancellationToken)
    {
        if (_held >= 0)
        {
            _free.Add(_held, CancellationToken.None);
            _held = -1;
        }

        try
        {
            if (!_ready.TryTake(out var slot, Timeout.Infinite, cancellationToken))
            {
                return null;
            }

            _held = slot;
            return _pictures[slot];
        }
        catch (InvalidOperationException)
        {
            // Completed while waiting: the output ended.
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        // Closing the sockets ends a blocking accept or read at once.
        _listener.Dispose();
        _connection?.Dispose();
        _reader?.Join();
        foreach (var picture in _pictures)
        {
            picture.Dispose();
        }

        _free.Dispose();
        _ready.Dispose();
        _stop.Dispose();
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

    private void ReadAll()
    {
        try
        {
            _connection = _listener.Accept();
            // The stream only reads; disposing it leaves the connection to Dispose above.
            using var stream = new NetworkStream(_connection, ownsSocket: false);
            while (_free.TryTake(out var slot, Timeout.Infinite, _stop.Token))
            {
                if (stream.ReadAtLeast(_buffers[slot], _frameBytes, throwOnEndOfStream: false) < _frameBytes)
                {
                    break;
                }

                _ready.Add(slot, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // FFmpeg ended, never connected (it failed on the input first), or the source is being disposed.
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }
}
