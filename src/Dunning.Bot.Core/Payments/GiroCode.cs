using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using QRCoder;

namespace Dunning.Bot.Core.Payments;

/// <summary>
/// The payload of an EPC QR code ("GiroCode", EPC069-12) for one SEPA credit transfer: service tag <c>BCD</c>,
/// version <c>002</c> (BIC optional), character set 1 (UTF-8), <c>SCT</c>, BIC, name, IBAN, <c>EUR</c> amount,
/// empty purpose, then either the structured ISO 11649 creditor reference or the unstructured reference; lines separated by LF, nothing after the
/// last field. Contract: EUR only; amount 0.01–999,999,999.99 with at most two decimals; the name is cut to 70
/// and the reference to 140 characters (line breaks and control characters become spaces, so no input can add a
/// line); the UTF-8 payload never exceeds 331 bytes — the reference (then the name) is shortened further when it would.
/// Create with <see cref="Create"/>; render with <see cref="ToPng"/> (ECC level M).
/// </summary>
public sealed class GiroCode
{
    public const int MaxNameLength = 70;
    public const int MaxReferenceLength = 140;
    public const int MaxPayloadBytes = 331;
    public const decimal MinAmount = 0.01m;
    public const decimal MaxAmount = 999_999_999.99m;

    private GiroCode(string name, string iban, string? bic, decimal amount, string reference, string payload, string? creditorReference = null)
    {
        CreditorReference = creditorReference;
        Name = name;
        Iban = iban;
        Bic = bic;
        Amount = amount;
        Reference = reference;
        Payload = payload;
    }

    public string Name { get; }

    public string Iban { get; }

    public string? Bic { get; }

    public decimal Amount { get; }

    /// <summary>The unstructured remittance information as encoded (after cutting).</summary>
    public string Reference { get; }

    /// <summary>The structured ISO 11649 reference encoded instead of <see cref="Reference"/> (then empty), if any.</summary>
    public string? CreditorReference { get; }

    /// <summary>The text encoded in the QR code.</summary>
    public string Payload { get; }

    /// <summary>True when a GiroCode can carry this currency (only EUR: SEPA credit transfers are in euro).</summary>
    public static bool Supports(string currency) => string.Equals(currency?.Trim(), "EUR", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The GiroCode for paying <paramref name="amount"/> to <paramref name="payee"/>, or null when none can be made: no
    /// payee configured, not euro, or the amount outside the code's range.
    /// </summary>
    public static GiroCode? For(PayeeOptions payee, Money amount, string reference, string? creditorReference = null)
    {
        ArgumentNullException.ThrowIfNull(payee);
        var rounded = amount.Rounded();
        return payee.IsConfigured && Supports(rounded.Currency) && rounded.Amount is >= MinAmount and <= MaxAmount
            ? Create(payee.AccountHolder, payee.Iban, payee.Bic, rounded.Amount, rounded.Currency, reference, creditorReference)
            : null;
    }

    /// <summary>
    /// Builds the payload; throws <see cref="ArgumentException"/> for a non-EUR currency, a bad IBAN/BIC or amount, or a
    /// <paramref name="creditorReference"/> that is not a valid RF reference. With one, the structured field carries it
    /// and the unstructured one stays empty (EPC069-12 allows only one of the two).
    /// </summary>
    public static GiroCode Create(string name, string iban, string? bic, decimal amount, string currency, string reference, string? creditorReference = null)
    {
        if (creditorReference is not null && !Payments.CreditorReference.IsValid(creditorReference))
            throw new ArgumentException("The creditor reference is not a valid ISO 11649 RF reference.", nameof(creditorReference));
        if (!Supports(currency))
            throw new ArgumentException($"A GiroCode carries euro amounts only, not {currency}.", nameof(currency));
        if (amount is < MinAmount or > MaxAmount || amount != Math.Round(amount, 2))
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be 0.01–999999999.99 with at most two decimals.");
        if (!Payments.Iban.IsValid(iban))
            throw new ArgumentException("The IBAN is not valid.", nameof(iban));
        if (!string.IsNullOrWhiteSpace(bic) && !Payments.Bic.IsValid(bic))
            throw new ArgumentException("The BIC is not valid.", nameof(bic));
        var cleanName = Cut(SingleLine(name), MaxNameLength);
        if (cleanName.Length == 0)
            throw new ArgumentException("The beneficiary name is empty.", nameof(name));

        var normalizedBic = string.IsNullOrWhiteSpace(bic) ? null : Payments.Bic.Normalize(bic);
        var normalizedIban = Payments.Iban.Normalize(iban);
        var structured = creditorReference is null ? "" : string.Concat(creditorReference.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        var cleanReference = structured.Length > 0 ? "" : Cut(SingleLine(reference), MaxReferenceLength);
        var payload = Build(cleanName, normalizedIban, normalizedBic, amount, structured, cleanReference);
        while (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            // Only text of many multi-byte characters gets here: shorten the reference first, then the name.
            if (cleanReference.Length > 0)
                cleanReference = Cut(cleanReference, new StringInfo(cleanReference).LengthInTextElements - 1);
            else
                cleanName = Cut(cleanName, new StringInfo(cleanName).LengthInTextElements - 1);
            payload = Build(cleanName, normalizedIban, normalizedBic, amount, structured, cleanReference);
        }
        return new GiroCode(cleanName, normalizedIban, normalizedBic, amount, cleanReference, payload, structured.Length > 0 ? structured : null);
    }

    private static string Build(string name, string iban, string? bic, decimal amount, string structured, string reference) =>
        string.Join('\n',
            "BCD",
            "002",
            "1",
            "SCT",
            bic ?? string.Empty,
            name,
            iban,
            "EUR" + amount.ToString("0.00", CultureInfo.InvariantCulture),
            string.Empty,
            structured,
            reference).TrimEnd('\n');

    /// <summary>Control characters (line breaks, tabs) become single spaces; the ends are trimmed.</summary>
    private static string SingleLine(string? text)
    {
        var builder = new StringBuilder((text ?? string.Empty).Length);
        foreach (var c in text ?? string.Empty)
        {
            var keep = char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c;
            if (keep != ' ' || (builder.Length > 0 && builder[^1] != ' '))
                builder.Append(keep);
        }
        return builder.ToString().Trim();
    }

    /// <summary>The first <paramref name="max"/> text elements (never half a surrogate pair or combined character), trimmed.</summary>
    private static string Cut(string text, int max)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, Math.Max(0, max)).TrimEnd();
    }

    /// <summary>The attachment name of the QR image.</summary>
    public const string FileName = "girocode.png";

    /// <summary>
    /// How many rendered images <see cref="ToAttachment"/> keeps (a few KB each). The image is a pure function of the
    /// payload, so an entry never goes stale: a payment changes the amount, hence the payload, hence the key.
    /// </summary>
    internal const int CachedImages = 1024;

    private const string DataUriPrefix = "data:image/png;base64,";

    private static readonly ConcurrentDictionary<(string Payload, int PixelsPerModule), string> DataUris = new();

    /// <summary>The QR symbol of <see cref="Payload"/>: UTF-8 bytes in byte mode, ECC level M (as EPC069-12 requires).</summary>
    public QRCodeData ToQrData() => new QRCodeGenerator().CreateQrCode(Encoding.UTF8.GetBytes(Payload), QRCodeGenerator.ECCLevel.M);

    /// <summary>A PNG of the QR code with its quiet zone; <paramref name="pixelsPerModule"/> sets the size.</summary>
    public byte[] ToPng(int pixelsPerModule = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = ToQrData();
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>
    /// The PNG as an image attachment with a <c>data:</c> URI, named <see cref="FileName"/>. The same payload and size
    /// give the same (remembered) image, so a debtor asking again costs no new rendering.
    /// </summary>
    public Attachment ToAttachment(int pixelsPerModule = 6) => new()
    {
        ContentType = "image/png",
        ContentUrl = DataUri(pixelsPerModule),
        Name = FileName,
    };

    private string DataUri(int pixelsPerModule)
    {
        var key = (Payload, pixelsPerModule);
        if (DataUris.TryGetValue(key, out var known))
            return known;
        var uri = DataUriPrefix + Convert.ToBase64String(ToPng(pixelsPerModule));
        // Bounded without bookkeeping per hit: when full, start over (the images are cheap to render again).
        if (DataUris.Count >= CachedImages)
            DataUris.Clear();
        DataUris[key] = uri;
        return uri;
    }
}
