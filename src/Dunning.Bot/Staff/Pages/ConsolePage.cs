using Dunning.Bot.Staff.Actions;
using Dunning.Bot.Staff.Wording;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// What console pages share: the signed-in actor, the staff member's words (<see cref="T"/>) and how an action's
/// outcome becomes a response. Done: back to the page without its <c>handler</c> (post/redirect/get, so a reload
/// repeats nothing) with the message; Forbidden: 403; the rest: the page again with the problem and a fitting status
/// (404, 409, 400, 502), nothing changed.
/// </summary>
public abstract class ConsolePage : PageModel
{
    protected StaffActor Actor => StaffActor.From(User);

    /// <summary>The console's words in the staff member's language.</summary>
    public ConsoleWords T => HttpContext.RequestServices.GetRequiredService<ConsoleWords>();

    /// <summary>The response to <paramref name="result"/>; <paramref name="reload"/> renders the page again when it failed.</summary>
    /// <param name="result">What the action did.</param>
    /// <param name="reload">Loads and renders the page (with the problem shown).</param>
    /// <param name="fragment">Where the page continues after the redirect (<c>reply</c>: the reply box), or null for its top.</param>
    protected async Task<IActionResult> OutcomeAsync(StaffResult result, Func<Task<IActionResult>> reload, string? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reload);
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData["Message"] = Sentence(result);
            return Redirect(PageAddress() + (fragment is null ? "" : "#" + fragment));
        }
        if (result.Outcome == StaffOutcome.Forbidden)
            return StatusCode(StatusCodes.Status403Forbidden);
        ViewData["Problem"] = Sentence(result);
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

    /// <summary>The result's sentence in the staff member's language.</summary>
    protected string Sentence(StaffResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return T.Has(result.Message) ? T.Format(result.Message, result.Model ?? new { }) : result.Message;
    }

    /// <summary>This page's address with every query parameter but the form's <c>handler</c>.</summary>
    protected string PageAddress()
    {
        var kept = Request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        return Request.PathBase + Request.Path + QueryString.Create(kept);
    }
}
