using System.Runtime.InteropServices;

namespace SceneCut.Video.Libav;

/// <summary>
/// The parts of FFmpeg 5.1's C libraries (libavformat 59, libavcodec 59, libavutil 57, libswscale 6) that
/// <see cref="LibavFrameSource"/> calls. Library names carry the major version on purpose: the few struct fields read
/// below sit at offsets that hold for exactly these versions, and <see cref="LibavLibraries"/> checks the versions at run
/// time before anything else is called. Offsets were taken with <c>offsetof</c> against the Debian 12 headers.
/// </summary>
internal static unsafe partial class LibavNative
{
    public const string AvFormat = "libavformat.so.59";
    public const string AvCodec = "libavcodec.so.59";
    public const string AvUtil = "libavutil.so.57";
    public const string SwScale = "libswscale.so.6";

    public const int AvFormatMajor = 59;
    public const int AvCodecMajor = 59;
    public const int AvUtilMajor = 57;
    public const int SwScaleMajor = 6;

    // AVFormatContext
    public const int FormatNbStreams = 44;
    public const int FormatStreams = 48;

    // AVStream
    public const int StreamTimeBase = 16;
    public const int StreamDiscard = 52;
    public const int StreamCodecParameters = 208;

    // AVCodecParameters
    public const int ParametersCodecType = 0;
    public const int ParametersCodecId = 4;
    public const int ParametersWidth = 56;
    public const int ParametersHeight = 60;

    // AVCodecContext
    public const int CodecContextOpaque = 48;

    // AVPacket
    public const int PacketPts = 8;
    public const int PacketDts = 16;
    public const int PacketStreamIndex = 36;

    // AVFrame
    public const int FrameData = 0;
    public const int FrameLinesize = 64;
    public const int FrameWidth = 104;
    public const int FrameHeight = 108;
    public const int FrameFormat = 116;
    public const int FrameFlags = 316;
    public const int FrameColorRange = 320;
    public const int FrameColorspace = 332;
    public const int FrameBestEffortTimestamp = 344;
    public const int FrameDecodeErrorFlags = 376;

    // AVFrame.flags: the decoder knows the frame is damaged (output anyway).
    public const int FrameFlagCorrupt = 1;

    // AVFrame.decode_error_flags (FF_DECODE_ERROR_*).
    public const int DecodeErrorInvalidBitstream = 1;
    public const int DecodeErrorMissingReference = 2;
    public const int DecodeErrorConcealmentActive = 4;
    public const int DecodeErrorSlices = 8;

    public const int MediaTypeVideo = 0;
    public const int DiscardAll = 48;
    public const long NoTimestamp = long.MinValue;
    public const int ErrorEof = -541478725;
    public const int ErrorTryAgain = -11;
    public const int LogError = 16;
    public const int LogWarning = 24;
    public const int ScaleArea = 32;
    public const int ScaleBicubic = 4;

    [LibraryImport(AvFormat, EntryPoint = "avformat_version")]
    public static partial uint AvFormatVersion();

    [LibraryImport(AvFormat, EntryPoint = "avformat_open_input")]
    public static partial int OpenInput(void** context, byte* url, void* format, void** options);

    [LibraryImport(AvFormat, EntryPoint = "avformat_find_stream_info")]
    public static partial int FindStreamInfo(void* context, void** options);

    [LibraryImport(AvFormat, EntryPoint = "av_read_frame")]
    public static partial int ReadFrame(void* context, void* packet);

    [LibraryImport(AvFormat, EntryPoint = "avformat_close_input")]
    public static partial void CloseInput(void** context);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_version")]
    public static partial uint AvCodecVersion();

    [LibraryImport(AvCodec, EntryPoint = "avcodec_get_class")]
    public static partial void* CodecContextClass();

    [LibraryImport(AvCodec, EntryPoint = "avcodec_find_decoder")]
    public static partial void* FindDecoder(int codecId);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_alloc_context3")]
    public static partial void* AllocCodecContext(void* codec);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_parameters_to_context")]
    public static partial int ParametersToContext(void* codecContext, void* parameters);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_open2")]
    public static partial int OpenCodec(void* codecContext, void* codec, void** options);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_free_context")]
    public static partial void FreeCodecContext(void** codecContext);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_send_packet")]
    public static partial int SendPacket(void* codecContext, void* packet);

    [LibraryImport(AvCodec, EntryPoint = "avcodec_receive_frame")]
    public static partial int ReceiveFrame(void* codecContext, void* frame);

    [LibraryImport(AvCodec, EntryPoint = "av_packet_alloc")]
    public static partial void* AllocPacket();

    [LibraryImport(AvCodec, EntryPoint = "av_packet_unref")]
    public static partial void UnrefPacket(void* packet);

    [LibraryImport(AvCodec, EntryPoint = "av_packet_free")]
    public static partial void FreePacket(void** packet);

    [LibraryImport(AvUtil, EntryPoint = "avutil_version")]
    public static partial uint AvUtilVersion();

    [LibraryImport(AvUtil, EntryPoint = "av_frame_alloc")]
    public static partial void* AllocFrame();

    [LibraryImport(AvUtil, EntryPoint = "av_frame_free")]
    public static partial void FreeFrame(void** frame);

    [LibraryImport(AvUtil, EntryPoint = "av_frame_clone")]
    public static partial void* CloneFrame(void* frame);

    [LibraryImport(AvUtil, EntryPoint = "av_opt_set_int")]
    public static partial int SetOptionInt(void* target, byte* name, long value, int searchFlags);

    [LibraryImport(AvUtil, EntryPoint = "av_strerror")]
    public static partial int ErrorText(int error, byte* buffer, nuint size);

    [LibraryImport(AvUtil, EntryPoint = "av_log_set_callback")]
    public static partial void SetLogCallback(delegate* unmanaged[Cdecl]<void*, int, byte*, void*, void> callback);

    [LibraryImport(AvUtil, EntryPoint = "av_log_format_line2")]
    public static partial int FormatLogLine(void* context, int level, byte* format, void* arguments, byte* line, int lineSize, int* printPrefix);

    [LibraryImport(SwScale, EntryPoint = "swscale_version")]
    public static partial uint SwScaleVersion();

    [LibraryImport(SwScale, EntryPoint = "sws_getCachedContext")]
    public static partial void* CachedScaler(void* scaler, int sourceWidth, int sourceHeight, int sourceFormat, int width, int height, int format, int flags, void* sourceFilter, void* filter, double* parameters);

    [LibraryImport(SwScale, EntryPoint = "sws_setColorspaceDetails")]
    public static partial int SetColorspaceDetails(void* scaler, int* sourceTable, int sourceFullRange, int* table, int fullRange, int brightness, int contrast, int saturation);

    [LibraryImport(SwScale, EntryPoint = "sws_getCoefficients")]
    public static partial int* Coefficients(int colorspace);

    [LibraryImport(SwScale, EntryPoint = "sws_scale")]
    public static partial int Scale(void* scaler, byte** sourceSlices, int* sourceStrides, int sliceY, int sliceHeight, byte** destination, int* destinationStrides);

    [LibraryImport(SwScale, EntryPoint = "sws_freeContext")]
    public static partial void FreeScaler(void* scaler);

    /// <summary>Reads a field of a native struct at a byte offset.</summary>
    public static T Read<T>(void* structure, int offset)
        where T : unmanaged => *(T*)((byte*)structure + offset);

    /// <summary>FFmpeg's text for an error code, e.g. "Invalid data found when processing input".</summary>
    public static string Describe(int error)
    {
        var buffer = stackalloc byte[256];
        return ErrorText(error, buffer, 256) == 0 ? Marshal.PtrToStringUTF8((nint)buffer) ?? $"error {error}" : $"FFmpeg error {error}";
    }
}
