using Dunning.Bot.Uploads;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

public sealed partial class InboundMail
{
    /// <summary>
    /// The files of a reply (a transfer confirmation, proof of payment): every attached part and every non-text inline
    /// part (an image pasted into the mail), decoded in memory — the whole message is already bounded by
    /// <see cref="EmailOptions.MaxInboundBytes"/>. Up to one file more than <see cref="UploadOptions.MaxFilesPerMessage"/>
    /// is read, so the bot can say "too many"; a file above the size limit is kept without its content ("too large").
    /// Quoted earlier messages (message/rfc822) are no files.
    /// </summary>
    internal static IReadOnlyList<IncomingFile> FilesOf(MimeMessage message, UploadOptions limits)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(limits);
        var files = new List<IncomingFile>();
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.IsAttachment || p is not TextPart))
        {
            if (files.Count > limits.MaxFilesPerMessage)
                break;
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var bytes = content.Length > limits.MaxFileBytes ? null : content.ToArray();
            files.Add(new HeldFile(part.FileName ?? part.ContentId, part.ContentType.MimeType, bytes, content.Length));
        }
        return files;
    }
}
