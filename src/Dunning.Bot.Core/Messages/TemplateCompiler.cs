using Fluid;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// Parses message templates once and checks what they reference: every variable root must be declared for
/// the key (file <c>variables</c> plus key <c>vars</c>) and every filter must exist in the shared options.
/// </summary>
internal sealed class TemplateCompiler(FluidParser parser, TemplateOptions options)
{
    /// <summary>Names Liquid itself provides inside templates.</summary>
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "forloop", "tablerowloop", "empty", "blank" };

    public MessageTemplate Parse(DialogFile file, string key, string label, string source, int line, List<CatalogueProblem> problems)
    {
        if (parser.TryParse(source, out var template, out var error))
            return new MessageTemplate(source, line, template);
        problems.Add(new(file.FileName, key, line, $"{label} does not parse as Liquid: {error} (position within the text)."));
        return new MessageTemplate(source, line, null);
    }

    public void Inspect(DialogFile file, MessageEntry entry, List<CatalogueProblem> problems)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        var declared = new HashSet<string>(entry.Declared, StringComparer.Ordinal);
        foreach (var variant in entry.Variants)
        {
            if (variant.Parsed is null)
                continue;
            var walker = new TemplateWalker();
            walker.VisitTemplate(variant.Parsed);
            foreach (var root in walker.Roots.Where(r => !walker.Locals.Contains(r) && !Builtins.Contains(r)))
            {
                roots.Add(root);
                if (!declared.Contains(root))
                {
                    var allowed = declared.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", declared.Order(StringComparer.Ordinal));
                    problems.Add(new(file.FileName, $"messages.{entry.Key}", variant.Line,
                        $"unknown variable '{root}' ({allowed}); add it to the key's 'vars:' or the file's 'variables:' if the dialog passes it."));
                }
            }

            foreach (var filter in walker.Filters.Where(f => !options.Filters.TryGetValue(f, out _)))
                problems.Add(new(file.FileName, $"messages.{entry.Key}", variant.Line, $"unknown filter '{filter}'."));
        }

        entry.Roots = roots;
    }
}
