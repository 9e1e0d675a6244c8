namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>A JPEG made by <see cref="ThumbnailEncoder"/>: its bytes, size and the ffmpeg <c>-q:v</c> that made it fit.</summary>
public sealed record EncodedThumbnail(byte[] Jpeg, int Width, int Height, int Quality);
