using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.CaseFiles;
using Dunning.Bot.Staff.Actions;
using Dunning.Bot.Staff.Insights;
using Dunning.Bot.Staff.Live;
using Dunning.Bot.Staff.Wording;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff;

/// <summary>Registers and maps the staff console under <c>/console</c>.</summary>
public static class StaffConsoleExtensions
{
    /// <summary>
    /// Binds <see cref="StaffOptions"/> (section <c>Staff</c>); registers accounts, the audit log, the case actions, the
    /// case file, insights, cookie sign-in, antiforgery and the Razor pages; and puts the console's owner notifier in
    /// front of the IOwnerNotifier registered so far (call it after the channels, so digest mode covers their owner
    /// alerts too). Needs the storage (AddDunningStorage) and the conversation registrations.
    /// </summary>
    public static IHostApplicationBuilder AddStaffConsole(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddStaffAccounts();
        services.AddSingleton<ConsoleBroadcaster>();
        services.AddSingleton<UnreachableDebtors>();
        services.AddSingleton<AlertDigest>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDigest>());
        services.AddHostedService<DemoOwnerSeeder>();
        services.AddSingleton<StaffRecords>();
        services.AddSingleton<DebtorMessenger>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<DealActions>();
        services.AddSingleton<ConversationActions>();
        services.AddSingleton<StaffVoice>();
        services.AddSingleton<RecordingHandoffHub>();
        services.AddSingleton<IHandoffHub>(sp => sp.GetRequiredService<RecordingHandoffHub>());
        services.AddSingleton<CaseFileBuilder>();
        services.AddSingleton<CaseFilePdf>();
        services.AddSingleton<Words>();
        services.AddSingleton<InsightsReport>();
        // Insights that advise (objections by meaning, advice, CSV): one block, see Staff/Insights.
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ObjectionMeaning>();
        services.AddSingleton<InsightsAdvice>();
        services.AddSingleton<InsightsCsv>();
        DecorateOwnerNotifier(services);

        // The console's words: labels from dialogs/console.*.yaml in the staff member's language (pages inject it as T).
        services.AddHttpContextAccessor();
        // German (and any other) letters as they are in the page source, not as &#xE4; (still HTML-escaped where needed).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<ConsoleLanguage>();
        services.AddScoped(sp => sp.GetRequiredService<ConsoleLanguage>().For(
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext ?? throw new InvalidOperationException("The console's words exist only within a request.")));

        services.AddAuthentication(StaffSignInCookie.Scheme).AddCookie(StaffSignInCookie.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(StaffSignInCookie.Scheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) => StaffSignInCookie.Configure(cookie, staff.Value));
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.AnyPolicy, p => p.AddAuthenticationSchemes(StaffSignInCookie.Scheme).RequireAuthenticatedUser())
            .AddPolicy(StaffRoles.OwnerPolicy, p => p.AddAuthenticationSchemes(StaffSignInCookie.Scheme).RequireRole(StaffRoles.Owner));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dunning.console.csrf";
            o.Cookie.Path = "/console";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Staff/Pages";
            o.Conventions.AuthorizeFolder("/", StaffRoles.AnyPolicy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AuthorizePage("/Audit", StaffRoles.OwnerPolicy);
        });
        return builder;
    }

    /// <summary>Binds <see cref="StaffOptions"/> (section <c>Staff</c>) and registers the accounts (the <c>staff</c> verb uses them alone).</summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StaffAccounts>();
        return builder;
    }

    /// <summary>Maps the console pages, its live event stream, exports and assets (all under <c>/console</c>).</summary>
    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/console"), console => console.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            // Exactly what antiforgery sets on pages with a form: anything else makes it log a warning per response.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
            await next(context);
        }));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        StaffEndpoints.Map(app);
        InsightsEndpoints.Map(app);
        return app;
    }

    /// <summary>The console's notifier wraps whatever IOwnerNotifier was registered before (or logs itself when none was).</summary>
    private static void DecorateOwnerNotifier(IServiceCollection services) =>
        Channels.OwnerNotifierChain.Decorate(services, (sp, inner) =>
        {
            var digest = sp.GetRequiredService<AlertDigest>();
            digest.Target = inner;
            return new ConsoleOwnerNotifier(inner, sp.GetRequiredService<ConsoleBroadcaster>(), digest,
                sp.GetRequiredService<IOptions<StaffOptions>>(), sp.GetRequiredService<ILogger<ConsoleOwnerNotifier>>());
        });
}
