using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// Reads one dialog file into a <see cref="DialogFile"/>, collecting every problem instead of stopping
/// at the first, so an owner sees the whole list at once. Templates are parsed by <see cref="TemplateCompiler"/>.
/// </summary>
internal sealed partial class DialogFileReader(TemplateCompiler compiler, List<CatalogueProblem> problems)
{
    private static readonly string[] TopLevel = ["variables", "messages", "buttons"];

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Identifier();

    public void Read(DialogFile file, string text)
    {
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
            if (stream.Documents.Count > 1)
                Problem(file, null, stream.Documents[1].RootNode, "has more than one YAML document ('---'); keep one per file.");
        }
        catch (YamlException e)
        {
            problems.Add(new(file.FileName, null, (int)e.Start.Line, $"YAML syntax error: {Innermost(e).Message}"));
            file.Unreadable = true;
            return;
        }

        if (root is null)
        {
            problems.Add(new(file.FileName, null, 1, "is empty or not a mapping; expected 'messages:' and/or 'buttons:' at the top."));
            file.Unreadable = true;
            return;
        }

        foreach (var (keyNode, _) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name } || !TopLevel.Contains(name))
                Problem(file, null, keyNode, $"unknown top-level entry '{keyNode}'; allowed: {string.Join(", ", TopLevel)}.");
        }

        var fileVariables = ReadNames(file, "variables", Child(root, "variables"));
        if (Child(root, "messages") is { } messages)
            ReadMessages(file, messages, fileVariables);
        if (Child(root, "buttons") is { } buttons)
            ReadButtons(file, buttons);
    }

    private void ReadMessages(DialogFile file, YamlNode node, IReadOnlyList<string> fileVariables)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(file, "messages", node, "must be a mapping of key: text.");
            return;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (!ValidKey(file, "messages", keyNode, out var key))
                continue;
            var qualified = $"messages.{key}";
            file.Mentioned.Add(qualified);
            YamlNode? texts = value;
            IReadOnlyList<string> keyVariables = [];
            if (value is YamlMappingNode detailed)
            {
                foreach (var (k, _) in detailed.Children)
                {
                    if (k is not YamlScalarNode { Value: "vars" or "text" })
                        Problem(file, qualified, k, $"unknown entry '{k}'; a message with details has 'vars:' and 'text:'.");
                }

                keyVariables = ReadNames(file, qualified + ".vars", Child(detailed, "vars"));
                texts = Child(detailed, "text");
                if (texts is null)
                {
                    Problem(file, qualified, value, "has no 'text:'.");
                    continue;
                }
            }

            var declared = fileVariables.Concat(keyVariables).Distinct(StringComparer.Ordinal).ToArray();
            var variants = ReadVariants(file, qualified, texts);
            if (variants.Count == 0)
                continue;
            var entry = new MessageEntry(key, Line(keyNode), declared, variants);
            compiler.Inspect(file, entry, problems);
            file.Messages[key] = entry;
        }
    }

    private List<MessageTemplate> ReadVariants(DialogFile file, string key, YamlNode node)
    {
        var variants = new List<MessageTemplate>();
        var scalars = node switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children.ToList(),
            _ => [],
        };
        if (node is YamlMappingNode)
            Problem(file, key, node, "text must be a string or a list of strings (variants).");
        else if (scalars.Count == 0)
            Problem(file, key, node, "has an empty list of variants; give at least one text.");

        for (var i = 0; i < scalars.Count; i++)
        {
            var label = scalars.Count > 1 ? $"variant {i + 1}" : "text";
            if (scalars[i] is not YamlScalarNode { Value: var source })
                Problem(file, key, scalars[i], $"{label} must be a plain string, not a list or mapping.");
            else if (string.IsNullOrWhiteSpace(source))
                Problem(file, key, scalars[i], $"{label} is empty.");
            else
                variants.Add(compiler.Parse(file, key, label, source.TrimEnd(), Line(scalars[i]), problems));
        }

        return variants;
    }

    private void ReadButtons(DialogFile file, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(file, "buttons", node, "must be a mapping of key: label.");
            return;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (!ValidKey(file, "buttons", keyNode, out var key))
                continue;
            file.Mentioned.Add($"buttons.{key}");
            if (value is not YamlScalarNode { Value: var label })
                Problem(file, $"buttons.{key}", value, "a button label must be a plain string.");
            else if (string.IsNullOrWhiteSpace(label))
                Problem(file, $"buttons.{key}", value, "button label is empty.");
            else
                file.Buttons[key] = (label.Trim(), Line(value));
        }
    }

    private List<string> ReadNames(DialogFile file, string key, YamlNode? node)
    {
        var names = new List<string>();
        if (node is null)
            return names;
        if (node is not YamlSequenceNode sequence)
        {
            Problem(file, key, node, "must be a list of variable names, e.g. [debtor, invoice].");
            return names;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } name } && Identifier().IsMatch(name))
                names.Add(name);
            else
                Problem(file, key, item, $"'{item}' is not a variable name (lower case letters, digits, '_').");
        }

        return names;
    }

    private bool ValidKey(DialogFile file, string section, YamlNode keyNode, out string key)
    {
        key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        if (Identifier().IsMatch(key))
            return true;
        Problem(file, section, keyNode, $"'{keyNode}' is not a valid key; use lower case letters, digits and '_' (e.g. open_balance).");
        return false;
    }

    private void Problem(DialogFile file, string? key, YamlNode node, string message) =>
        problems.Add(new(file.FileName, key, Line(node), message));

    private static YamlNode? Child(YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var child) ? child : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;
}
