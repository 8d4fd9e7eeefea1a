using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// An answer whose body is a <see cref="JsonElement"/> already serialized (the expectReplies activities, an invoke's
/// body): its UTF-8 bytes are copied into the response as they are instead of being written token by token again.
/// </summary>
internal sealed class RawJsonResult(JsonElement body, int statusCode) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        var bytes = JsonMarshal.GetRawUtf8Value(body);
        response.ContentLength = bytes.Length;
        response.BodyWriter.Write(bytes);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
