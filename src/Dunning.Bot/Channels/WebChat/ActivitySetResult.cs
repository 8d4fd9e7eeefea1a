namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// A poll's answer: the <see cref="ActivityPage"/> as a Direct Line <c>ActivitySet</c>, written into the response body
/// as it is encoded (the same bytes and Content-Length as the page's <see cref="ActivityPage.ToActivitySetJson"/>).
/// </summary>
internal sealed class ActivitySetResult(ActivityPage page) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "application/json";
        response.ContentLength = page.Utf8Length();
        page.WriteActivitySetJson(response.BodyWriter);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
