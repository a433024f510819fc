package fr.gouv.nuage.http;

/**
 * The signed-in caller a handler takes as an argument: a handler that takes one needs a
 * sign-in, and the API's description says so. The directory's perimeter is one.
 */
public interface Caller {

}
