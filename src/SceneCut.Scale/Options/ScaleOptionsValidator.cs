using Microsoft.Extensions.Options;

namespace SceneCut.Scale.Options;

/// <summary>Checks the data annotations of <see cref="ScaleOptions"/> at start (compile-time generated).</summary>
[OptionsValidator]
public sealed partial class ScaleOptionsValidator : IValidateOptions<ScaleOptions>;
