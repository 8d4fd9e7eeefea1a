using Fluid;

namespace Dunning.Bot.Core.Messages;

/// <summary>One variant of a message: its source, where it sits in the file, and the parsed template.</summary>
internal sealed record MessageTemplate(string Source, int Line, IFluidTemplate? Parsed);
