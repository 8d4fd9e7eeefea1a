using Dunning.Bot.Staff.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// What console pages share: the signed-in actor and how an action's outcome becomes a response. Done: back to the
/// page (post/redirect/get) with the message; Forbidden: 403; the rest: the page again with the problem and a fitting
/// status (404, 409, 400, 502), nothing changed.
/// </summary>
public abstract class ConsolePage : PageModel
{
    protected StaffActor Actor => StaffActor.From(User);

    protected async Task<IActionResult> OutcomeAsync(StaffResult result, Func<Task<IActionResult>> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reload);
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData["Message"] = result.Message;
            return Redirect(Request.Path + Request.QueryString);
        }
        if (result.Outcome == StaffOutcome.Forbidden)
            return StatusCode(StatusCodes.Status403Forbidden);
        ViewData["Problem"] = result.Message;
        var page = await reload();
        Response.StatusCode = result.Outcome switch
        {
            StaffOutcome.NotFound => StatusCodes.Status404NotFound,
            StaffOutcome.Conflict => StatusCodes.Status409Conflict,
            StaffOutcome.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status502BadGateway,
        };
        return page;
    }

    /// <summary>"2 h 15 min left" or "overdue 40 min" from <paramref name="now"/> to <paramref name="until"/>.</summary>
    public static string TimeLeft(DateTimeOffset? until, DateTimeOffset now)
    {
        if (until is not { } end)
            return "—";
        var left = end - now;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min";
        return left < TimeSpan.Zero ? $"overdue {text}" : $"{text} left";
    }
}
