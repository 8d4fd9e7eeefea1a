using System.Globalization;
using System.Text;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>One poll's result: activities as stored JSON and the watermark after them.</summary>
public sealed record ActivityPage(IReadOnlyList<string> Activities, long Watermark)
{
    /// <summary>The Direct Line <c>ActivitySet</c> JSON, written without re-serializing the activities.</summary>
    public byte[] ToActivitySetJson()
    {
        var builder = new StringBuilder(64 + Activities.Sum(a => a.Length + 1));
        builder.Append("{\"activities\":[");
        for (var i = 0; i < Activities.Count; i++)
        {
            if (i > 0)
                builder.Append(',');
            builder.Append(Activities[i]);
        }
        builder.Append("],\"watermark\":\"").Append(Watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
