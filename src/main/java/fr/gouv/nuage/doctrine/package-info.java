/**
 * The doctrine engine: rule packs as data, loaded, checked, planned and evaluated into
 * decisions that explain themselves. Plain Java: it depends on no other module and
 * imports nothing of Spring, not even a module annotation ({@code EngineHasNoSpringTest}
 * holds it to that).
 */
package fr.gouv.nuage.doctrine;
