namespace SceneCut.Recurrent.Training;

public enum OptimizerKind
{
    Adam = 0,
    AdamW = 1,
    SgdMomentum = 2,
}
