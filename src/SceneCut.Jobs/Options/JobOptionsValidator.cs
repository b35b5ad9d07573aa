using Microsoft.Extensions.Options;

namespace SceneCut.Jobs.Options;

/// <summary>Compile-time validator of the data annotations on <see cref="JobOptions"/> and everything below it.</summary>
[OptionsValidator]
public sealed partial class JobOptionsValidator : IValidateOptions<JobOptions>;
